package jp.climatepdca.system;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fiscal year the application can mean (1990, the Kyoto base years' start, to 2100), on a path
 * variable or a body field of /api. A year outside is refused with 400 before the controller runs,
 * instead of each controller checking it by hand (and some forgetting). A feature narrows it where
 * its rule is stricter (a cycle starts from 2000).
 */
@Min(FiscalYear.FIRST)
@Max(FiscalYear.LAST)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FiscalYear {

  long FIRST = 1990;
  long LAST = 2100;

  String message() default "年度は" + FIRST + "〜" + LAST + "の範囲で指定してください";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
