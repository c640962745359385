package cl.zeues.occupation.api.occupation.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The worker's name as the client wrote it: informational, optional. The tablets send the worker's
 * token ({@code MR(93)}), older clients a display name ({@code Worker1}, {@code José Ñúñez-Díaz});
 * all are accepted. Only what cannot be a name is refused: empty after trimming, over {@value
 * RequestRules#NOMBRE_MAX} characters, or holding a control character. The worker who acts is
 * whoever {@code worker_id} names in {@code Trabajadores}; this text is never published or stored,
 * so a formula-like value ({@code =...}) cannot reach a sheet.
 */
@Schema(example = "MR(93)", maxLength = RequestRules.NOMBRE_MAX)
@JacksonAnnotationsInside
@Constraint(validatedBy = WorkerNombre.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface WorkerNombre {
  String message() default RequestRules.NOMBRE_MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<WorkerNombre, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || RequestRules.isName(value);
    }
  }
}
