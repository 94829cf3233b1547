package jp.climatepdca.plan;

import java.util.List;

/** The plan file as read from JSON (see docs/plan-file-format.md); validated by {@link PlanFileValidator}. */
record PlanDocument(MunicipalityEntry municipality, List<DepartmentEntry> departments,
    List<MeasureEntry> measures) {

  record MunicipalityEntry(String code, String name, Integer baseYear, Boolean liaisonMeeting) {}

  record DepartmentEntry(String code, String name) {}

  record MeasureEntry(String code, String department, String name, String sector, String kind,
      Boolean keyProject, String description) {}
}
