package jp.climatepdca.evaluation;

import static jp.climatepdca.evaluation.IndicatorGrade.ACHIEVED;
import static jp.climatepdca.evaluation.IndicatorGrade.BEFORE_TARGET_YEAR;
import static jp.climatepdca.evaluation.IndicatorGrade.BEHIND;
import static jp.climatepdca.evaluation.IndicatorGrade.DECREASED;
import static jp.climatepdca.evaluation.IndicatorGrade.MAINTAINED;
import static jp.climatepdca.evaluation.IndicatorGrade.NOT_ACHIEVED;
import static jp.climatepdca.evaluation.IndicatorGrade.NOT_DECREASED;
import static jp.climatepdca.evaluation.IndicatorGrade.NOT_MAINTAINED;
import static jp.climatepdca.evaluation.IndicatorGrade.NO_DATA;
import static jp.climatepdca.evaluation.IndicatorGrade.NO_PREVIOUS_YEAR;
import static jp.climatepdca.evaluation.IndicatorGrade.ON_TRACK;
import static jp.climatepdca.evaluation.IndicatorGrade.WORSE_THAN_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorDirection;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorSource;
import jp.climatepdca.plan.IndicatorStage;
import jp.climatepdca.plan.IndicatorTargetView;
import jp.climatepdca.plan.IndicatorView;
import org.junit.jupiter.api.Test;

/**
 * Every indicator kind's rule (docs/indicators.md) worked by hand, at its edges: exactly on a target, a
 * path or a level counts as reaching it; one step short does not.
 */
class IndicatorKindsGradingTest {

  private static IndicatorView indicator(IndicatorKind kind, IndicatorDirection direction, Integer baseYear,
      String baseValue, IndicatorTargetView... targets) {
    var list = List.of(targets);
    var last = list.isEmpty() ? null : list.get(list.size() - 1);
    return new IndicatorView("X", "指標", "単位", null, null, direction, baseYear == null ? 2013 : baseYear,
        baseValue == null ? null : new BigDecimal(baseValue), last == null ? null : last.year(),
        last == null ? null : last.value(), kind, list, null, IndicatorSource.TYPED);
  }

  private static IndicatorTargetView target(int year, String value) {
    return new IndicatorTargetView(year, new BigDecimal(value));
  }

  private static IndicatorTargetView stage(int year, IndicatorStage stage) {
    return new IndicatorTargetView(year, stage.value());
  }

  private static ActualValueView actual(int year, String value) {
    return new ActualValueView("X", year, new BigDecimal(value), "統計", "tester", null);
  }

  private static IndicatorGrade grade(IndicatorView i, ActualValueView actual) {
    return IndicatorGrading.grade(i, actual, null).grade();
  }

  /**
   * Facilities 10 (2020) → interim 40 by 2025 → 60 by 2030: 6 a year to 2025, then 4 a year. In 2023 the
   * path is 28 and the next target is 2025's; in 2027 the path is 48 and the next target is 2030's.
   */
  private static final IndicatorView INTERIM = indicator(IndicatorKind.PATH, IndicatorDirection.HIGHER, 2020, "10",
      target(2025, "40"), target(2030, "60"));

  @Test
  void aPathWithAnInterimTargetIsGradedAgainstTheNextTarget() {
    assertThat(grade(INTERIM, actual(2023, "28"))).as("on the line to 2025").isEqualTo(ON_TRACK);
    assertThat(grade(INTERIM, actual(2023, "27.9"))).isEqualTo(BEHIND);
    assertThat(grade(INTERIM, actual(2023, "40"))).as("the interim target reached early").isEqualTo(ACHIEVED);
    assertThat(grade(INTERIM, actual(2025, "39"))).as("the interim year came without it").isEqualTo(NOT_ACHIEVED);
    assertThat(grade(INTERIM, actual(2027, "48"))).as("from 2025's 40 towards 2030's 60").isEqualTo(ON_TRACK);
    assertThat(grade(INTERIM, actual(2027, "47.99"))).isEqualTo(BEHIND);
    assertThat(grade(INTERIM, actual(2027, "9"))).isEqualTo(WORSE_THAN_BASE);
    assertThat(grade(INTERIM, actual(2031, "59"))).isEqualTo(NOT_ACHIEVED);
    assertThat(IndicatorGrading.pathValue(INTERIM, 2023)).isEqualByComparingTo("28");
    assertThat(IndicatorGrading.pathValue(INTERIM, 2027)).isEqualByComparingTo("48");
    assertThat(IndicatorGrading.pathValue(INTERIM, 2040)).isEqualByComparingTo("60");
    var result = IndicatorGrading.grade(INTERIM, actual(2023, "28"), null);
    assertThat(result.comparedYear()).isEqualTo(2025);
    assertThat(result.comparedValue()).isEqualByComparingTo("40");
  }

  /** Seed 002: CO2 1,324 kt by FY2020 and 1,200 by 2022, no base value (the roadmap gives none). */
  @Test
  void aPathWithoutABaseValueHasNoLineBeforeItsFirstTarget() {
    var co2 = indicator(IndicatorKind.PATH, IndicatorDirection.LOWER, null, null, target(2020, "1324"),
        target(2022, "1200"));
    assertThat(grade(co2, actual(2018, "1400"))).isEqualTo(BEFORE_TARGET_YEAR);
    assertThat(grade(co2, actual(2018, "1324"))).isEqualTo(ACHIEVED);
    assertThat(grade(co2, actual(2020, "1324.1"))).isEqualTo(NOT_ACHIEVED);
    assertThat(grade(co2, actual(2021, "1262"))).as("halfway from 1,324 to 1,200").isEqualTo(ON_TRACK);
    assertThat(grade(co2, actual(2021, "1262.1"))).isEqualTo(BEHIND);
    assertThat(IndicatorGrading.pathValue(co2, 2018)).as("no line before the first target").isNull();
    assertThat(IndicatorGrading.pathValue(co2, 2021)).isEqualByComparingTo("1262");
    assertThat(IndicatorGrading.progressPercent(co2, actual(2021, "1262"))).as("no base, no progress").isNull();
  }

  @Test
  void maintainKeepsTheBaseLevelInItsDirection() {
    var green = indicator(IndicatorKind.MAINTAIN, IndicatorDirection.HIGHER, 2013, "22.6");
    assertThat(grade(green, actual(2024, "22.6"))).isEqualTo(MAINTAINED);
    assertThat(grade(green, actual(2024, "30"))).isEqualTo(MAINTAINED);
    assertThat(grade(green, actual(2024, "22.59"))).isEqualTo(NOT_MAINTAINED);
    var noise = indicator(IndicatorKind.MAINTAIN, IndicatorDirection.LOWER, 2013, "55");
    assertThat(grade(noise, actual(2024, "55"))).isEqualTo(MAINTAINED);
    assertThat(grade(noise, actual(2024, "55.01"))).isEqualTo(NOT_MAINTAINED);
    assertThat(IndicatorGrading.pathValue(green, 2024)).isNull();
  }

  @Test
  void thresholdsHoldEveryYearAgainstTheTargetInForce() {
    // 年2回以上開催; from 2026 年3回以上
    var lectures = indicator(IndicatorKind.AT_LEAST, IndicatorDirection.HIGHER, null, null, target(2025, "2"),
        target(2030, "3"));
    assertThat(grade(lectures, actual(2024, "2"))).isEqualTo(ACHIEVED);
    assertThat(grade(lectures, actual(2024, "1"))).isEqualTo(NOT_ACHIEVED);
    assertThat(grade(lectures, actual(2027, "2"))).as("the 2030 threshold applies after 2025").isEqualTo(NOT_ACHIEVED);
    assertThat(grade(lectures, actual(2035, "3"))).as("the last threshold stays").isEqualTo(ACHIEVED);
    // 440 g/人・日 以下
    var waste = indicator(IndicatorKind.AT_MOST, IndicatorDirection.LOWER, null, null, target(2022, "440"));
    assertThat(grade(waste, actual(2021, "440"))).isEqualTo(ACHIEVED);
    assertThat(grade(waste, actual(2021, "440.5"))).isEqualTo(NOT_ACHIEVED);
  }

  @Test
  void yearOnYearDecreaseComparesWithThePreviousYearsActual() {
    var bikes = indicator(IndicatorKind.YEAR_ON_YEAR_DECREASE, IndicatorDirection.LOWER, null, null);
    assertThat(IndicatorGrading.grade(bikes, actual(2024, "4999"), actual(2023, "5000")).grade()).isEqualTo(DECREASED);
    assertThat(IndicatorGrading.grade(bikes, actual(2024, "5000"), actual(2023, "5000")).grade())
        .as("the same as last year is no decrease").isEqualTo(NOT_DECREASED);
    assertThat(IndicatorGrading.grade(bikes, actual(2024, "5200"), actual(2023, "5000")).grade()).isEqualTo(NOT_DECREASED);
    assertThat(IndicatorGrading.grade(bikes, actual(2024, "100"), null).grade()).isEqualTo(NO_PREVIOUS_YEAR);
    assertThat(IndicatorGrading.grade(bikes, actual(2024, "100"), actual(2022, "500")).grade())
        .as("two years back is not the previous year").isEqualTo(NO_PREVIOUS_YEAR);
    var compared = IndicatorGrading.grade(bikes, actual(2024, "4999"), actual(2023, "5000"));
    assertThat(compared.comparedYear()).isEqualTo(2023);
  }

  /** 仕組み検討 2022–2023, 事業の開始 2024, 完了 by 2027. */
  @Test
  void stagesAreComparedWithTheStagePlannedForTheYear() {
    var project = indicator(IndicatorKind.STAGES, IndicatorDirection.HIGHER, null, null,
        stage(2022, IndicatorStage.STUDYING), stage(2024, IndicatorStage.IN_PROGRESS), stage(2027, IndicatorStage.COMPLETED));
    assertThat(grade(project, actual(2021, "0"))).as("nothing planned before 2022").isEqualTo(ON_TRACK);
    assertThat(grade(project, actual(2022, "0"))).isEqualTo(BEHIND);
    assertThat(grade(project, actual(2023, "1"))).as("2022's stage still planned").isEqualTo(ON_TRACK);
    assertThat(grade(project, actual(2024, "1"))).isEqualTo(BEHIND);
    assertThat(grade(project, actual(2024, "2"))).isEqualTo(ON_TRACK);
    assertThat(grade(project, actual(2025, "3"))).as("completed early").isEqualTo(ACHIEVED);
    assertThat(grade(project, actual(2027, "2"))).isEqualTo(NOT_ACHIEVED);
    var result = IndicatorGrading.grade(project, actual(2025, "2"), null);
    assertThat(result.comparedYear()).isEqualTo(2024);
    assertThat(result.comparedValue()).isEqualByComparingTo(IndicatorStage.IN_PROGRESS.value());
    assertThat(project.valueLabel(BigDecimal.valueOf(2))).isEqualTo("実施中");
    assertThat(project.targetsLabel()).isEqualTo("2022年度 検討中 / 2024年度 実施中 / 2027年度 完了");
  }

  @Test
  void noActualIsNoDataForEveryKind() {
    for (var kind : IndicatorKind.values()) {
      var i = indicator(kind, IndicatorDirection.HIGHER, 2013, "1", target(2030, "2"));
      assertThat(IndicatorGrading.grade(i, null, null).grade()).as(kind.name()).isEqualTo(NO_DATA);
    }
  }
}
