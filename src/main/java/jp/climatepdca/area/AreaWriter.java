package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.plan.IndicatorDefinitions;
import jp.climatepdca.plan.PlanDocument;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a checked area file. The file states the whole area plan, so members, member roles and targets
 * are replaced; measures and indicators are updated by code (their rows keep their ids) and the ones the
 * file no longer names are removed.
 */
@Component
class AreaWriter {

  private final AreaRepository areas;
  private final AreaMemberRepository members;
  private final AreaMeasureRepository measures;
  private final AreaMeasureMemberRepository roles;
  private final AreaIndicatorRepository indicators;
  private final AreaEmissionTargetRepository targets;
  private final AreaPlanService service;

  AreaWriter(AreaRepository areas, AreaMemberRepository members, AreaMeasureRepository measures,
      AreaMeasureMemberRepository roles, AreaIndicatorRepository indicators, AreaEmissionTargetRepository targets,
      AreaPlanService service) {
    this.areas = areas;
    this.members = members;
    this.measures = measures;
    this.roles = roles;
    this.indicators = indicators;
    this.targets = targets;
    this.service = service;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  AreaView write(AreaDocument doc, String loadedBy, Instant loadedAt) {
    var a = doc.area();
    var area = areas.findById(a.code()).orElseGet(() -> new Area(a.code()));
    area.update(a.name().strip(), a.lead(), a.firstYear(), a.lastYear(), a.baseYear(), a.resultDeadline(), loadedBy,
        loadedAt);
    areas.saveAndFlush(area);
    writeMembers(a.code(), a.lead(), doc.memberList());
    writeMeasures(a.code(), doc.measureList());
    writeIndicators(a.code(), a.baseYear(), doc.indicatorList());
    targets.deleteByArea(a.code());
    targets.flush();
    for (var t : doc.targetList()) {
      targets.save(new AreaEmissionTarget(a.code(), new AreaEmissionTargetView(t.year(), t.reductionPercent(),
          t.label() == null ? null : t.label().strip())));
    }
    return service.find(a.code()).orElseThrow();
  }

  /** The lead first, the others in the file's order. */
  private void writeMembers(String area, String lead, List<AreaDocument.MemberEntry> entries) {
    members.deleteByArea(area);
    members.flush();
    members.save(new AreaMember(area, lead, 0));
    var position = 1;
    for (var m : entries) {
      if (!m.code().equals(lead)) {
        members.save(new AreaMember(area, m.code(), position++));
      }
    }
  }

  private void writeMeasures(String area, List<AreaDocument.MeasureEntry> entries) {
    roles.deleteByArea(area);
    roles.flush();
    var stored = measures.findByAreaCodeOrderByPosition(area).stream()
        .collect(Collectors.toMap(AreaMeasure::code, Function.identity()));
    var named = new HashSet<String>();
    var rolePosition = 0;
    for (int i = 0; i < entries.size(); i++) {
      var e = entries.get(i);
      named.add(e.code());
      var measure = stored.getOrDefault(e.code(), new AreaMeasure(area, e.code()));
      measure.update(e.name().strip(), e.sector(), Boolean.TRUE.equals(e.keyProject()),
          e.description() == null || e.description().isBlank() ? null : e.description().strip(), i);
      measures.saveAndFlush(measure);
      for (var r : e.members() == null ? List.<AreaDocument.RoleEntry>of() : e.members()) {
        roles.save(new AreaMeasureMember(area, e.code(), new MemberRole(r.municipality(), r.kind(), r.measure()),
            rolePosition++));
      }
    }
    removeUnnamed(stored, named, measures::delete);
  }

  private void writeIndicators(String area, int baseYear, List<PlanDocument.IndicatorEntry> entries) {
    var stored = indicators.findByAreaCodeOrderByPosition(area).stream()
        .collect(Collectors.toMap(AreaIndicator::code, Function.identity()));
    var named = new HashSet<String>();
    for (int i = 0; i < entries.size(); i++) {
      var e = entries.get(i);
      named.add(e.code());
      var indicator = stored.getOrDefault(e.code(), new AreaIndicator(area, e.code()));
      indicator.update(IndicatorDefinitions.view(e, null, baseYear), i);
      indicators.save(indicator);
    }
    removeUnnamed(stored, named, indicators::delete);
  }

  private static <T> void removeUnnamed(Map<String, T> stored, java.util.Set<String> named,
      java.util.function.Consumer<T> delete) {
    new ArrayList<>(stored.keySet()).stream().filter(code -> !named.contains(code)).map(stored::get).forEach(delete);
  }
}
