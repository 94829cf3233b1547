package jp.climatepdca.area;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection of SubProcess_MemberResult's multi-instance (bean {@code areaCycleMembers}): the members the
 * area cycle started or adopted (table area_cycle_member), in the area file's order.
 */
@Component("areaCycleMembers")
public class AreaCycleMembers {

  private final AreaCycleMemberRepository members;

  AreaCycleMembers(AreaCycleMemberRepository members) {
    this.members = members;
  }

  public List<String> joined(String area, int fiscalYear) {
    return members.findByAreaCodeAndFiscalYearOrderByPosition(area, fiscalYear).stream()
        .map(AreaCycleMember::municipalityCode).toList();
  }
}
