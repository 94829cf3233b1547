package jp.climatepdca.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.UserInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records a loaded plan file as a new version, or finds it already recorded. Refuses, before anything is
 * written, a version that would change a closed year (its effective year at or before a plan year whose
 * cycle headquarters evaluated or whose report was published) and one that retires a measure listed in an
 * open task of a running cycle. See docs/plan-versions.md.
 */
@Component
class PlanVersions {

  private final PlanVersionRepository versions;
  private final PlanDefinitions definitions;
  private final MeasureRepository measures;
  private final IndicatorRepository indicators;
  private final MunicipalityRepository municipalities;
  private final ObjectProvider<ClosedPlanYears> closed;
  private final ObjectProvider<OpenPlanWork> work;

  PlanVersions(PlanVersionRepository versions, PlanDefinitions definitions, MeasureRepository measures,
      IndicatorRepository indicators, MunicipalityRepository municipalities, ObjectProvider<ClosedPlanYears> closed,
      ObjectProvider<OpenPlanWork> work) {
    this.municipalities = municipalities;
    this.versions = versions;
    this.definitions = definitions;
    this.measures = measures;
    this.indicators = indicators;
    this.closed = closed;
    this.work = work;
  }

  /** The version a file was recorded as; {@code created} false when the same file was loaded before. */
  record Recorded(PlanVersion version, boolean created) {}

  /** Checks and decides; {@link #save} writes. The municipality row must exist before the version's. */
  Decision decide(PlanDocument file) {
    var municipality = file.municipality().code();
    // a second load of the same town waits here and then sees the first one's version
    municipalities.lock(municipality);
    var all = versions.findByMunicipalityCodeOrderByNumber(municipality);
    var text = definitions.write(file);
    var same = all.stream().filter(v -> v.document().equals(text)).findFirst();
    if (same.isPresent()) {
      // a restart loads the start-up files again; an earlier version's file changes nothing either
      return new Decision(file, text, null, null, same.get());
    }
    var closedYears = closed.orderedStream().flatMap(c -> c.closedYears(municipality).stream())
        .sorted(Comparator.comparingInt(ClosedPlanYears.ClosedYear::planYear).reversed()).toList();
    var lastClosed = closedYears.isEmpty() ? null : closedYears.get(0);
    var p = file.plan();
    Integer effective;
    if (p != null) {
      effective = p.effectiveYear() != null ? p.effectiveYear() : p.firstYear();
    } else {
      // a file without a plan block revises the plan from the first year no closed cycle reviewed
      effective = all.isEmpty() || lastClosed == null ? null : lastClosed.planYear() + 1;
    }
    if (effective != null && lastClosed != null && effective <= lastClosed.planYear()) {
      throw new ConflictException("この計画は" + effective + "年度から適用されるため読み込めません。" + lastClosed.planYear()
          + "年度の実績は" + lastClosed.fiscalYear() + "年度のサイクルで" + lastClosed.why()
          + "で、その評価に使った計画は変更できません（適用開始年度 plan.effectiveYear を" + (lastClosed.planYear() + 1)
          + "年度以降にしてください）");
    }
    var reason = p == null || p.reason() == null ? (all.isEmpty() ? PlanReason.ESTABLISHED : PlanReason.REVISION)
        : PlanReason.parse(p.reason()).orElseThrow();
    var keys = all.stream().map(PlanVersion::key).toList();
    var previous = all.isEmpty() ? null : definitions.definitions(keys, all.get(all.size() - 1).number());
    checkReplacedCodes(file, previous, municipality);
    var next = PlanDefinitions.carryOver(file, previous);
    checkOpenWork(municipality, keys, next, effective);
    return new Decision(file, text, effective, reason, null);
  }

  int count(String municipality) {
    return versions.findByMunicipalityCodeOrderByNumber(municipality).size();
  }

  Recorded save(Decision decision, String user) {
    if (decision.existing() != null) {
      return new Recorded(decision.existing(), false);
    }
    var file = decision.file();
    var municipality = file.municipality().code();
    var number = versions.findByMunicipalityCodeOrderByNumber(municipality).size() + 1;
    var p = file.plan();
    var saved = versions.save(new PlanVersion(municipality, number, p == null ? null : p.firstYear(),
        p == null ? null : p.lastYear(), decision.effectiveYear(), decision.reason(), user, Instant.now(),
        decision.text()));
    return new Recorded(saved, true);
  }

  record Decision(PlanDocument file, String text, Integer effectiveYear, PlanReason reason, PlanVersion existing) {}

  /** A replaced code names a measure or indicator the plan had; a typo would otherwise pass silently. */
  private void checkReplacedCodes(PlanDocument file, PlanDocument previous, String municipality) {
    var errors = new ArrayList<String>();
    var fileMeasures = PlanDefinitions.measures(file);
    for (int i = 0; i < fileMeasures.size(); i++) {
      var old = fileMeasures.get(i).replaces();
      var known = old == null || fileMeasures.stream().anyMatch(m -> old.equals(m.code()))
          || previous != null && PlanDefinitions.measures(previous).stream().anyMatch(m -> old.equals(m.code()))
          || measures.findByMunicipalityCodeAndCode(municipality, old).isPresent();
      if (!known) {
        errors.add(PlanFileLocation.item("measures", i, fileMeasures.get(i).code()).field("replaces") + ": 施策コード \"" + old + "\" はこれまでの計画にありません");
      }
    }
    var fileIndicators = PlanDefinitions.indicators(file);
    for (int i = 0; i < fileIndicators.size(); i++) {
      var old = fileIndicators.get(i).replaces();
      var known = old == null || fileIndicators.stream().anyMatch(x -> old.equals(x.code()))
          || previous != null && PlanDefinitions.indicators(previous).stream().anyMatch(x -> old.equals(x.code()))
          || indicators.findByMunicipalityCodeAndCode(municipality, old).isPresent();
      if (!known) {
        errors.add(PlanFileLocation.item("indicators", i, fileIndicators.get(i).code()).field("replaces") + ": 指標コード \"" + old + "\" はこれまでの計画にありません");
      }
    }
    if (!errors.isEmpty()) {
      throw new UserInputException("計画データファイルを読み込めません", errors);
    }
  }

  /**
   * A running cycle whose open tasks list a measure (its department's self-assessment, or a city-wide Check
   * task) keeps it: the new version may not retire or replace it in the year that cycle reviews.
   */
  private void checkOpenWork(String municipality, List<PlanVersionKey> all, PlanDocument next, Integer effective) {
    for (var open : work.orderedStream().flatMap(w -> w.openWork(municipality).stream()).toList()) {
      if (effective != null && open.planYear() < effective) {
        continue;
      }
      var now = PlanDefinitions.versionInForce(all, open.planYear()).map(v -> definitions.definitions(all, v.number()));
      Set<String> staying = PlanDefinitions.activeMeasures(next, open.planYear()).stream()
          .map(PlanDocument.MeasureEntry::code).collect(Collectors.toSet());
      for (var m : activeNow(now, municipality, open.planYear())) {
        if (!staying.contains(m.code()) && (open.wholeCity() || open.departments().contains(m.department()))) {
          throw new ConflictException("施策 " + m.code() + "（" + m.name() + "）は" + open.fiscalYear() + "年度のサイクル（"
              + open.planYear() + "年度の実績の点検）で作業中のタスクに含まれているため、" + open.planYear()
              + "年度から廃止・置き換えできません。そのサイクルの作業が終わってから読み込むか、廃止年度（retiredFrom）を"
              + (open.planYear() + 1) + "年度以降にしてください");
        }
      }
      // an open form checks its rows against the plan when completed: a measure or indicator added to or
      // moved out of its scope would refuse every completion of the task
      var before = scope(activeNow(now, municipality, open.planYear()), indicatorsNow(now, municipality, open.planYear()),
          open);
      var after = scope(active(next, municipality, open.planYear()), PlanDefinitions.activeIndicators(next, open.planYear()),
          open);
      if (!before.equals(after)) {
        var added = new java.util.TreeSet<>(after);
        added.removeAll(before);
        var removed = new java.util.TreeSet<>(before);
        removed.removeAll(after);
        throw new ConflictException(open.fiscalYear() + "年度のサイクル（" + open.planYear() + "年度の実績の点検）で作業中の"
            + "タスクが扱う施策・指標が変わるため、この計画は" + open.planYear() + "年度から適用できません（"
            + (added.isEmpty() ? "" : "加わるもの: " + String.join("、", added) + (removed.isEmpty() ? "" : "／"))
            + (removed.isEmpty() ? "" : "外れるもの: " + String.join("、", removed)) + "）。そのサイクルの作業が終わってから"
            + "読み込むか、適用開始年度を" + (open.planYear() + 1) + "年度以降にしてください");
      }
    }
  }

  /**
   * What open tasks list: every measure for a city-wide task, a department's measures and the indicators it
   * enters for its self-assessment; each named with its department, so a move between two open forms counts.
   */
  private static Set<String> scope(List<PlanDocument.MeasureEntry> measures, List<IndicatorView> indicators,
      OpenPlanWork.OpenWork open) {
    var scope = new java.util.TreeSet<String>();
    for (var m : measures) {
      if (open.wholeCity() || open.departments().contains(m.department())) {
        scope.add("施策 " + m.code() + "（" + m.department() + "）");
      }
    }
    for (var i : indicators) {
      if (i.departmentCode() != null && open.departments().contains(i.departmentCode())) {
        scope.add("指標 " + i.code() + "（" + i.departmentCode() + "）");
      }
    }
    return scope;
  }

  private List<IndicatorView> indicatorsNow(Optional<PlanDocument> now, String municipality, int planYear) {
    return now.map(doc -> PlanDefinitions.activeIndicators(doc, planYear))
        .orElseGet(() -> indicators.findByMunicipalityCodeOrderByCode(municipality).stream().map(Indicator::view).toList());
  }

  /** A measure the Action step discarded is in no task any more. */
  private List<PlanDocument.MeasureEntry> active(PlanDocument doc, String municipality, int planYear) {
    var discarded = measures.findByMunicipalityCodeAndStatusOrderByCode(municipality, MeasureStatus.DISCARDED)
        .stream().map(Measure::code).collect(Collectors.toSet());
    return PlanDefinitions.activeMeasures(doc, planYear).stream().filter(m -> !discarded.contains(m.code())).toList();
  }

  private List<PlanDocument.MeasureEntry> activeNow(Optional<PlanDocument> now, String municipality, int planYear) {
    if (now.isPresent()) {
      return active(now.get(), municipality, planYear);
    }
    // loaded before plan versions existed: the measures table is the plan
    return measures.findByMunicipalityCodeAndStatusOrderByCode(municipality, MeasureStatus.ACTIVE).stream()
        .map(Measure::view).map(v -> new PlanDocument.MeasureEntry(v.code(), v.departmentCode(), v.name(), null, null,
            null, null, null, null)).toList();
  }
}
