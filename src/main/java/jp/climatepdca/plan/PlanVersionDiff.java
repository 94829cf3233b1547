package jp.climatepdca.plan;

import java.util.List;

/**
 * GET /api/plans/{municipality}/versions/{a}/diff/{b}: what version {@code to} defines differently from
 * {@code from}, for the committee reviewing a revision. Each change names the field with its value before
 * and after, as text ({@code null} when the field had none).
 */
public record PlanVersionDiff(String municipality, PlanVersionView from, PlanVersionView to, Part targets,
    Part measures, Part indicators) {

  /** added and changed items, retired ones (with the year) and replaced ones (with their successor). */
  public record Part(List<Item> added, List<Changed> changed, List<Retired> retired, List<Replaced> replaced) {}

  public record Item(String code, String name) {}

  public record Changed(String code, String name, List<FieldChange> changes) {}

  public record FieldChange(String field, String before, String after) {}

  /**
   * {@code retiredFrom} null: a reduction target the later version no longer has, or the indicator of a
   * measure replaced without a year (out wherever the later version is in force). An indicator retired with
   * its measure is listed with the measure's year.
   */
  public record Retired(String code, String name, Integer retiredFrom) {}

  public record Replaced(String code, String name, String by, String byName) {}
}
