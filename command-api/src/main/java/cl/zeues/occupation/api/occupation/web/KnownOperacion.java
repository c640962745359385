package cl.zeues.occupation.api.occupation.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of the shop's operations, as written ({@code ARM}, not {@code arm}); null is valid (add
 * {@code @NotNull} where it is required). Naming an operation the processor does not manage yet is
 * valid here: the processor answers it {@code OPERACION_NO_SOPORTADA}.
 */
@Pattern(regexp = RequestRules.OPERACION, message = RequestRules.OPERACION_MESSAGE)
@Schema(
    example = "ARM",
    allowableValues = {"ARM", "SOLD", "METROLOGIA", "REPARACION"})
@JacksonAnnotationsInside
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface KnownOperacion {
  String message() default RequestRules.OPERACION_MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
