package cl.zeues.occupation.api.occupation.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A calendar date written {@code YYYY-MM-DD} that exists (no 2026-02-30); null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDate.Validator.class)
@interface ValidDate {
  String message() default RequestRules.FECHA_MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidDate, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (!value.matches(RequestRules.FECHA)) {
        return false;
      }
      try {
        LocalDate.parse(value);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }
}
