package jp.climatepdca.evaluation;

import java.math.BigDecimal;

/**
 * One indicator with its newest actual value and grade, as the Check forms, the API and the annual report
 * show it. {@code measureCode} is null for a plan-level indicator; {@code actualYear}, {@code actualValue}
 * and {@code progressPercent} are null without data. {@code pathValue} is the path through base and targets
 * at the actual's year (at the reviewed year when there is no actual), null for a kind without a path.
 * {@code direction} is {@code LOWER} or {@code HIGHER} (better), {@code grade} an {@link IndicatorGrade}.
 * {@code targetYear}/{@code targetValue} are the last target (null for a kind without targets).
 * Since indicator kinds (docs/indicators.md): {@code kind}/{@code kindLabel}; {@code targetsLabel} every
 * target as text; {@code actualLabel} the actual as text (a stage's name); {@code comparedLabel} what the
 * actual was graded against; {@code stale} when the newest actual is older than the indicator allows, with
 * {@code staleNote} saying so (データが古い); {@code valueSource} TYPED or INVENTORY.
 */
public record IndicatorGradeView(String code, String name, String measureCode, String unit, String direction,
    int baseYear, BigDecimal baseValue, Integer targetYear, BigDecimal targetValue, Integer actualYear,
    BigDecimal actualValue, BigDecimal pathValue, IndicatorGrade grade, String gradeLabel,
    String measureName, String departmentCode, String directionLabel, String actualSource,
    BigDecimal progressPercent, String kind, String kindLabel, String targetsLabel, String actualLabel,
    String comparedLabel, boolean stale, String staleNote, String valueSource) {}
