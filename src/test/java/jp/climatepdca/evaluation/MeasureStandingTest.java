package jp.climatepdca.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.climatepdca.assessment.Progress;
import org.junit.jupiter.api.Test;

/** The Action step's overview: which measures need attention, and the grade shown for several indicators. */
class MeasureStandingTest {

  @Test
  void theWorstIndicatorIsTheMeasuresGrade() {
    var standing = MeasureStanding.of(Progress.ON_TRACK,
        List.of(IndicatorGrade.ACHIEVED, IndicatorGrade.NO_DATA, IndicatorGrade.NOT_ACHIEVED));
    assertThat(standing.gradeLabel()).isEqualTo("未達成");
    assertThat(standing.attention()).isTrue();
    assertThat(standing.describe()).isEqualTo("順調・未達成");
    assertThat(MeasureStanding.of(Progress.ON_TRACK, List.of(IndicatorGrade.ACHIEVED, IndicatorGrade.NO_DATA))
        .gradeLabel()).isEqualTo("データなし");
  }

  @Test
  void lateProgressNeedsAttentionWithoutIndicators() {
    assertThat(MeasureStanding.of(Progress.DELAYED, List.of())).isEqualTo(new MeasureStanding("遅れ", "指標なし", true));
    assertThat(MeasureStanding.of(Progress.NOT_STARTED, List.of()).attention()).isTrue();
    assertThat(MeasureStanding.of(Progress.MOSTLY_ON_TRACK, List.of(IndicatorGrade.ON_TRACK)).attention()).isFalse();
    assertThat(MeasureStanding.of(null, List.of())).isEqualTo(new MeasureStanding("―", "指標なし", false));
  }
}
