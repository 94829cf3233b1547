package jp.climatepdca.area;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Component;

/** What an area file is checked against: the members' loaded plans and the other areas. */
@Component
class AreaLoadedFacts implements AreaFileValidator.Loaded {

  private final PlanService plans;
  private final AreaMemberRepository members;
  private final AreaPlanService service;

  AreaLoadedFacts(PlanService plans, AreaMemberRepository members, AreaPlanService service) {
    this.plans = plans;
    this.members = members;
    this.service = service;
  }

  @Override
  public boolean isMunicipality(String code) {
    return plans.findMunicipality(code).isPresent();
  }

  @Override
  public Set<String> measures(String municipality) {
    return plans.measures(municipality).stream().map(MeasureView::code).collect(Collectors.toSet());
  }

  @Override
  public List<AreaView> otherAreas(String municipality, String area) {
    return members.findByMunicipalityCode(municipality).stream()
        .map(AreaMember::areaCode)
        .filter(code -> !code.equals(area))
        .map(service::find)
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public Optional<String> namedArea(String municipality) {
    return plans.namedArea(municipality);
  }

  @Override
  public List<String> naming(String area) {
    return plans.municipalitiesNaming(area);
  }
}
