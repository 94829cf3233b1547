package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.climatepdca.plan.IndicatorView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The area plans as the other features read them (docs/area.md). */
@Service
@Transactional(readOnly = true)
public class AreaPlanService {

  private final AreaRepository areas;
  private final AreaMemberRepository members;
  private final AreaMeasureRepository measures;
  private final AreaMeasureMemberRepository roles;
  private final AreaIndicatorRepository indicators;
  private final AreaEmissionTargetRepository targets;
  private final AreaMeasureDecisionRepository decisions;

  AreaPlanService(AreaRepository areas, AreaMemberRepository members, AreaMeasureRepository measures,
      AreaMeasureMemberRepository roles, AreaIndicatorRepository indicators, AreaEmissionTargetRepository targets,
      AreaMeasureDecisionRepository decisions) {
    this.decisions = decisions;
    this.areas = areas;
    this.members = members;
    this.measures = measures;
    this.roles = roles;
    this.indicators = indicators;
    this.targets = targets;
  }

  public Optional<AreaView> find(String area) {
    return areas.findById(area).map(this::view);
  }

  /** Every area, by code. */
  public List<AreaView> all() {
    return areas.findAllByOrderByCode().stream().map(this::view).toList();
  }

  /** The area the municipality is a member of in that fiscal year (the loader lets periods of two areas not overlap). */
  public Optional<AreaView> areaOf(String municipality, int fiscalYear) {
    return members.findByMunicipalityCode(municipality).stream()
        .map(m -> areas.findById(m.areaCode()))
        .flatMap(Optional::stream)
        .filter(a -> fiscalYear >= a.firstYear() && fiscalYear <= a.lastYear())
        .findFirst()
        .map(this::view);
  }

  /** The shared measures in the file's order, each with its members' parts in the file's order. */
  public List<SharedMeasureView> sharedMeasures(String area) {
    Map<String, List<MemberRole>> byMeasure = new LinkedHashMap<>();
    for (var role : roles.findByAreaCodeOrderByPosition(area)) {
      byMeasure.computeIfAbsent(role.measureCode(), c -> new ArrayList<>()).add(role.view());
    }
    return measures.findByAreaCodeOrderByPosition(area).stream()
        .map(m -> m.view(byMeasure.getOrDefault(m.code(), List.of())))
        .toList();
  }

  /**
   * The shared measures of the area cycle of {@code fiscalYear}: those the area's Action of an earlier year
   * discarded (廃止) are no longer compiled, heard or decided on. The year that discarded one still lists it,
   * so that year's forms and report stay as they were.
   */
  public List<SharedMeasureView> sharedMeasures(String area, int fiscalYear) {
    var discarded = decisions.findByAreaCodeAndDecisionAndFiscalYearLessThan(area, AreaAction.DISCARD, fiscalYear)
        .stream().map(AreaMeasureDecision::measureCode).collect(java.util.stream.Collectors.toSet());
    return sharedMeasures(area).stream().filter(m -> !discarded.contains(m.code())).toList();
  }

  /** The area's indicators in the file's order. */
  public List<IndicatorView> indicators(String area) {
    return indicators.findByAreaCodeOrderByPosition(area).stream().map(AreaIndicator::view).toList();
  }

  /** The area's reduction targets by year. */
  public List<AreaEmissionTargetView> emissionTargets(String area) {
    return targets.findByAreaCodeOrderByTargetYear(area).stream().map(AreaEmissionTarget::view).toList();
  }

  /** Whether the code is an area's (area and municipality codes share one namespace). */
  public boolean isArea(String code) {
    return code != null && areas.existsById(code);
  }

  private AreaView view(Area area) {
    return area.view(members.findByAreaCodeOrderByPosition(area.code()).stream()
        .map(AreaMember::municipalityCode).toList());
  }
}
