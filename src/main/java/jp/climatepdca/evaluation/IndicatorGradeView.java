package jp.climatepdca.evaluation;

import java.math.BigDecimal;

/**
 * One indicator with its newest actual value and grade, as the Check forms, the API and the annual report
 * show it. {@code measureCode} is null for a plan-level indicator; {@code actualYear}, {@code actualValue}
 * and {@code progressPercent} are null without data. {@code pathValue} is the straight path from base to
 * target at the actual's year (at the reviewed year when there is no actual). {@code direction} is
 * {@code LOWER} or {@code HIGHER} (better), {@code grade} an {@link IndicatorGrade}.
 */
public record IndicatorGradeView(String code, String name, String measureCode, String unit, String direction,
    int baseYear, BigDecimal baseValue, int targetYear, BigDecimal targetValue, Integer actualYear,
    BigDecimal actualValue, BigDecimal pathValue, IndicatorGrade grade, String gradeLabel,
    String measureName, String departmentCode, String directionLabel, String actualSource,
    BigDecimal progressPercent) {}
