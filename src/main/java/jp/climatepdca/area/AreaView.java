package jp.climatepdca.area;

import java.util.List;

/**
 * An area as other features see it: its lead municipality, its period (fiscal years {@code firstYear} to
 * {@code lastYear}), its base year, the day of the fiscal year by which members hand in their result
 * ({@code resultDeadline}, MM-DD) and its members in the file's order with the lead first.
 */
public record AreaView(String code, String name, String lead, int firstYear, int lastYear, int baseYear,
    String resultDeadline, List<String> members) {

  public AreaView {
    members = List.copyOf(members);
  }

  /** Whether the area's plan period holds the fiscal year. */
  public boolean covers(int fiscalYear) {
    return fiscalYear >= firstYear && fiscalYear <= lastYear;
  }
}
