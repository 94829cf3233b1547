package jp.climatepdca.area;

import java.math.BigDecimal;
import java.util.List;
import jp.climatepdca.plan.PlanDocument;

/** The area file as read from JSON (docs/plan-file-format.md, 圏域計画ファイル); checked by {@link AreaFileValidator}. */
record AreaDocument(AreaEntry area, List<MemberEntry> members, List<MeasureEntry> measures,
    List<PlanDocument.IndicatorEntry> indicators, List<EmissionTargetEntry> emissionTargets) {

  record AreaEntry(String code, String name, String lead, Integer firstYear, Integer lastYear, Integer baseYear,
      String resultDeadline) {}

  record MemberEntry(String code) {}

  record MeasureEntry(String code, String name, String sector, Boolean keyProject, String description,
      List<RoleEntry> members) {}

  /** A member's part in a shared measure: {@code measure} is the member's own measure code, if any. */
  record RoleEntry(String municipality, String kind, String measure) {}

  record EmissionTargetEntry(Integer year, BigDecimal reductionPercent, String label) {}

  List<MemberEntry> memberList() {
    return members == null ? List.of() : members;
  }

  List<MeasureEntry> measureList() {
    return measures == null ? List.of() : measures;
  }

  /** Written as a plan file's indicators (docs/indicators.md); {@code measure} names a shared measure of this file. */
  List<PlanDocument.IndicatorEntry> indicatorList() {
    return indicators == null ? List.of() : indicators;
  }

  List<EmissionTargetEntry> targetList() {
    return emissionTargets == null ? List.of() : emissionTargets;
  }
}
