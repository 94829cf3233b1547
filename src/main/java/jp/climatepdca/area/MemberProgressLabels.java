package jp.climatepdca.area;

import java.util.List;
import java.util.stream.Stream;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.plan.MeasureKind;
import jp.climatepdca.plan.Sector;

/** What a member's part in a shared measure shows when there is no grade of its own, and the order of all labels. */
final class MemberProgressLabels {

  static final String ASSESSED = "ASSESSED";
  /** The member's result has not reached the area (its headquarters has not approved the year's Check). */
  static final String NOT_SUBMITTED = "NOT_SUBMITTED";
  /** Submitted, but without a self-assessment of the member's measure (not assessed that year). */
  static final String NOT_ASSESSED = "NOT_ASSESSED";
  /** The area file names no measure of the member's own for its part. */
  static final String NO_MEASURE = "NO_MEASURE";

  static final List<String> ORDER = Stream.concat(Stream.of(Progress.values()).map(Progress::label),
      Stream.of(label(NOT_SUBMITTED), label(NOT_ASSESSED), label(NO_MEASURE))).toList();

  private MemberProgressLabels() {}

  static String label(String status) {
    return switch (status) {
      case NOT_SUBMITTED -> "未提出";
      case NOT_ASSESSED -> "自己評価なし";
      case NO_MEASURE -> "対応する施策なし";
      default -> throw new IllegalArgumentException(status);
    };
  }

  static String kindLabel(String kind) {
    return MeasureKind.valueOf(kind).label();
  }

  /** A shared measure's sector as the plan labels it (家庭部門); the code itself if the plan knows none. */
  static String sectorLabel(String sector) {
    return java.util.Arrays.stream(Sector.values()).filter(s -> s.name().equals(sector)).findFirst()
        .map(Sector::label).orElse(sector == null ? "" : sector);
  }
}
