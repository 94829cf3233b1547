package jp.climatepdca.area;

import java.util.List;
import java.util.Optional;
import jp.climatepdca.plan.AreaDirectory;
import org.springframework.stereotype.Component;

/** Tells the plan loader which codes are areas' and whom an area lists (plan must not depend on area). */
@Component
class AreaDirectoryForPlans implements AreaDirectory {

  private final AreaPlanService areas;

  AreaDirectoryForPlans(AreaPlanService areas) {
    this.areas = areas;
  }

  @Override
  public boolean isArea(String code) {
    return areas.isArea(code);
  }

  @Override
  public Optional<List<String>> members(String area) {
    return areas.find(area).map(AreaView::members);
  }
}
