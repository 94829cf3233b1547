package jp.climatepdca.area;

import java.util.List;

/**
 * A shared measure of the area plan: its sector (a {@code plan.Sector} name), whether it is one of the key
 * projects (重点事業), and each member's part in it, in the file's order.
 */
public record SharedMeasureView(String code, String name, String sector, boolean keyProject, String description,
    List<MemberRole> members) {

  public SharedMeasureView {
    members = List.copyOf(members);
  }
}
