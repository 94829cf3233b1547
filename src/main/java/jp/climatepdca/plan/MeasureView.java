package jp.climatepdca.plan;

/**
 * A measure (施策・事業) as other features see it; {@code lastDecision} is what the latest Action step
 * decided for it (null before its first), which the department sees in the next year's self-assessment.
 */
public record MeasureView(String code, String departmentCode, String name, Sector sector, MeasureKind kind,
    boolean keyProject, String description, MeasureStatus status, LastDecision lastDecision) {

  /** The Action step's decision as the plan keeps it: the fiscal year, its label (修正して継続 …) and note. */
  public record LastDecision(int fiscalYear, String label, String note) {

    /** One line for a form: 2026年度の見直し: 修正して継続（対象を事業者にも広げる）. */
    public String describe() {
      return fiscalYear + "年度の見直し: " + label + (note == null || note.isBlank() ? "" : "（" + note + "）");
    }
  }
}
