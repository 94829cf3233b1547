package jp.climatepdca.evaluation;

import static jp.climatepdca.evaluation.IndicatorGrade.ACHIEVED;
import static jp.climatepdca.evaluation.IndicatorGrade.BEHIND;
import static jp.climatepdca.evaluation.IndicatorGrade.NOT_ACHIEVED;
import static jp.climatepdca.evaluation.IndicatorGrade.NO_DATA;
import static jp.climatepdca.evaluation.IndicatorGrade.ON_TRACK;
import static jp.climatepdca.evaluation.IndicatorGrade.WORSE_THAN_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorDirection;
import jp.climatepdca.plan.IndicatorView;
import org.junit.jupiter.api.Test;

/**
 * The grading rule worked by hand. Higher is better: 12 facilities in 2022, 60 by 2030, so the straight
 * path climbs 6 a year (2025: 12 + 3·6 = 30). Lower is better: 850 g in 2022, 770 by 2030, so the path
 * falls 10 a year (2025: 820).
 */
class IndicatorGradingTest {

  private static final IndicatorView FACILITIES = new IndicatorView("F", "再エネ導入施設数", "施設", "ENV-01", "env",
      IndicatorDirection.HIGHER, 2022, new BigDecimal("12"), 2030, new BigDecimal("60"));
  private static final IndicatorView WASTE = new IndicatorView("W", "ごみ排出量", "g/人・日", null, "waste",
      IndicatorDirection.LOWER, 2022, new BigDecimal("850"), 2030, new BigDecimal("770"));

  private static ActualValueView actual(int year, String value) {
    return new ActualValueView("X", year, new BigDecimal(value), "統計", "tester", null);
  }

  @Test
  void higherIsBetterAroundThePathAndTheTarget() {
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2025, "30"))).as("exactly on the path").isEqualTo(ON_TRACK);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2025, "29.999"))).as("just below the path").isEqualTo(BEHIND);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2025, "12"))).as("still at the base").isEqualTo(BEHIND);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2025, "11.9"))).isEqualTo(WORSE_THAN_BASE);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2025, "60"))).as("target reached early").isEqualTo(ACHIEVED);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2025, "59.9"))).isEqualTo(ON_TRACK);
  }

  @Test
  void lowerIsBetterAroundThePathAndTheTarget() {
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "820"))).as("exactly on the path").isEqualTo(ON_TRACK);
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "819"))).isEqualTo(ON_TRACK);
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "820.5"))).as("just above the path").isEqualTo(BEHIND);
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "850"))).as("still at the base").isEqualTo(BEHIND);
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "850.1"))).isEqualTo(WORSE_THAN_BASE);
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "770"))).isEqualTo(ACHIEVED);
    assertThat(IndicatorGrading.grade(WASTE, actual(2025, "700"))).isEqualTo(ACHIEVED);
  }

  @Test
  void aPathThatDoesNotDivideEvenlyIsComparedExactly() {
    // 2023: 850 − 80/8 · 1 = 840; with target 771 the path is 850 − 79/8 = 840.125, which 840.125 meets exactly
    var odd = new IndicatorView("W", "ごみ", "g", null, null, IndicatorDirection.LOWER, 2022, new BigDecimal("850"),
        2030, new BigDecimal("771"));
    assertThat(IndicatorGrading.grade(odd, actual(2023, "840.125"))).isEqualTo(ON_TRACK);
    assertThat(IndicatorGrading.grade(odd, actual(2023, "840.126"))).isEqualTo(BEHIND);
    assertThat(IndicatorGrading.pathValue(odd, 2023)).isEqualByComparingTo("840.125");
    // 1/3 of the way from 0 to 1 in the first of three years: the shown path is rounded, the grade is not
    var third = new IndicatorView("T", "率", "%", null, null, IndicatorDirection.HIGHER, 2020, BigDecimal.ZERO,
        2023, BigDecimal.ONE);
    assertThat(IndicatorGrading.pathValue(third, 2021)).isEqualByComparingTo("0.333333");
    assertThat(IndicatorGrading.grade(third, actual(2021, "0.333333"))).isEqualTo(BEHIND);
    assertThat(IndicatorGrading.grade(third, actual(2021, "0.333334"))).isEqualTo(ON_TRACK);
  }

  @Test
  void onceTheTargetYearHasComeOnlyTheTargetCounts() {
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2030, "59"))).isEqualTo(NOT_ACHIEVED);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2031, "59"))).isEqualTo(NOT_ACHIEVED);
    assertThat(IndicatorGrading.grade(FACILITIES, actual(2030, "60"))).isEqualTo(ACHIEVED);
    assertThat(IndicatorGrading.grade(WASTE, actual(2032, "771"))).isEqualTo(NOT_ACHIEVED);
    assertThat(IndicatorGrading.grade(WASTE, actual(2032, "900"))).as("worse than base wins").isEqualTo(WORSE_THAN_BASE);
    assertThat(IndicatorGrading.pathValue(FACILITIES, 2035)).as("the path stays at the target").isEqualByComparingTo("60");
  }

  @Test
  void withoutAnActualValueThereIsNoGrade() {
    assertThat(IndicatorGrading.grade(FACILITIES, null)).isEqualTo(NO_DATA);
    assertThat(IndicatorGrading.progressPercent(FACILITIES, null)).isNull();
  }

  @Test
  void progressIsTheShareOfTheWayFromBaseToTarget() {
    assertThat(IndicatorGrading.progressPercent(FACILITIES, actual(2025, "30"))).isEqualByComparingTo("37.5");
    assertThat(IndicatorGrading.progressPercent(WASTE, actual(2025, "830"))).isEqualByComparingTo("25.0");
    assertThat(IndicatorGrading.progressPercent(WASTE, actual(2025, "860"))).isEqualByComparingTo("-12.5");
    assertThat(IndicatorGrading.pathValue(WASTE, 2025)).isEqualByComparingTo("820");
    assertThat(IndicatorGrading.pathValue(WASTE, 2025).toPlainString()).isEqualTo("820");
  }
}
