package jp.climatepdca.evaluation;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import jp.climatepdca.assessment.Progress;

/**
 * Where a measure stands in the Action step's overview: the department's progress (進捗) and the grade of
 * its indicators (評価: the worst of them, 指標なし without one). {@code attention} marks what the Action
 * step should look at first: progress 遅れ or 未着手, or an indicator that fell short (未達成, 遅れ, 基準年より悪化,
 * 維持できず, 前年度比で減少せず). The overview lists those first and filters on them (要確認).
 */
record MeasureStanding(String progressLabel, String gradeLabel, boolean attention) {

  static final String NO_INDICATOR = "指標なし";
  static final String NO_PROGRESS = "―";

  private static final Set<IndicatorGrade> SHORT = EnumSet.of(IndicatorGrade.BEHIND, IndicatorGrade.NOT_ACHIEVED,
      IndicatorGrade.WORSE_THAN_BASE, IndicatorGrade.NOT_MAINTAINED, IndicatorGrade.NOT_DECREASED);
  private static final Set<IndicatorGrade> UNJUDGED = EnumSet.of(IndicatorGrade.BEFORE_TARGET_YEAR,
      IndicatorGrade.NO_PREVIOUS_YEAR, IndicatorGrade.NO_DATA);
  private static final Set<Progress> LATE = EnumSet.of(Progress.DELAYED, Progress.NOT_STARTED);

  /** {@code progress} null: no self-assessment this year; {@code grades}: the measure's indicators' grades. */
  static MeasureStanding of(Progress progress, Collection<IndicatorGrade> grades) {
    var worst = grades.stream().min(Comparator.comparingInt(MeasureStanding::rank)
        .thenComparing(Comparator.naturalOrder())).orElse(null);
    return new MeasureStanding(progress == null ? NO_PROGRESS : progress.label(),
        worst == null ? NO_INDICATOR : worst.label(),
        (progress != null && LATE.contains(progress)) || (worst != null && SHORT.contains(worst)));
  }

  /** Fell short first, then not yet judged (no data), then on track or achieved. */
  private static int rank(IndicatorGrade grade) {
    return SHORT.contains(grade) ? 0 : UNJUDGED.contains(grade) ? 1 : 2;
  }

  /** 進捗・評価 as one line of the measure's label in the form (遅れ・未達成). */
  String describe() {
    return progressLabel + "・" + gradeLabel;
  }
}
