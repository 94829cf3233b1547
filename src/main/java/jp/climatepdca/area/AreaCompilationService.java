package jp.climatepdca.area;

import static jp.climatepdca.emission.InventoryReportService.percent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.area.AreaCompilation.BaseYear;
import jp.climatepdca.area.AreaCompilation.GasSum;
import jp.climatepdca.area.AreaCompilation.MemberEmissions;
import jp.climatepdca.area.AreaCompilation.MemberProgress;
import jp.climatepdca.area.AreaCompilation.SectorSum;
import jp.climatepdca.area.AreaCompilation.SharedMeasureProgress;
import jp.climatepdca.area.AreaCompilation.Target;
import jp.climatepdca.area.AreaCompilation.TargetPath;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.emission.EmissionTargetPath;
import jp.climatepdca.emission.EmissionTargetPathService;
import jp.climatepdca.emission.Gas;
import jp.climatepdca.emission.InventoryReport;
import jp.climatepdca.emission.InventoryReportService;
import jp.climatepdca.emission.InventorySector;
import jp.climatepdca.evaluation.IndicatorGradeView;
import jp.climatepdca.evaluation.IndicatorService;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.MunicipalityView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area's compilation ({@link AreaCompilation}): computed from the members' verified and submitted data
 * through their features' public services, stored as a numbered snapshot, and read back as the liaison
 * meeting's agenda pack ({@link #agendaSummary}). Called by {@code compileAreaDelegate} (Task_CompileArea).
 */
@Service
@Transactional(readOnly = true)
public class AreaCompilationService {

  private final AreaPlanService areas;
  private final PlanService plan;
  private final CycleSchedule schedule;
  private final InventoryReportService inventories;
  private final EmissionTargetPathService paths;
  private final SelfAssessmentService assessments;
  private final ReviewLog reviews;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final AreaIndicatorActuals entered;

  AreaCompilationService(AreaPlanService areas, PlanService plan, CycleSchedule schedule,
      InventoryReportService inventories, EmissionTargetPathService paths, SelfAssessmentService assessments,
      ReviewLog reviews, JdbcTemplate jdbc, ObjectMapper json, AreaIndicatorActuals entered) {
    this.entered = entered;
    this.areas = areas;
    this.plan = plan;
    this.schedule = schedule;
    this.inventories = inventories;
    this.paths = paths;
    this.assessments = assessments;
    this.reviews = reviews;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Compiles the year as the members' data stands now and stores it as the year's next compilation. */
  @Transactional
  public AreaCompilation compile(String area, int fiscalYear, String user) {
    var a = area(area);
    // the area's row, locked: two compilations of the same year at once get consecutive numbers
    jdbc.queryForObject("select code from area where code = ? for update", String.class, a.code());
    var number = jdbc.queryForObject("select coalesce(max(number), 0) + 1 from area_compilation"
        + " where area_code = ? and fiscal_year = ?", Integer.class, a.code(), fiscalYear);
    var compilation = compute(a, fiscalYear, number, Instant.now());
    jdbc.update("insert into area_compilation (area_code, fiscal_year, number, content, compiled_by, compiled_at)"
        + " values (?, ?, ?, ?, ?, ?)", a.code(), fiscalYear, number, write(compilation), user,
        java.sql.Timestamp.from(compilation.compiledAt()));
    return compilation;
  }

  /** The year a cycle of {@code fiscalYear} reviews: the area's indicators are entered and graded for it. */
  int reviewYear(int fiscalYear) {
    return schedule.reviewYear(fiscalYear);
  }

  /** The year's newest compilation, as it was stored. */
  public Optional<AreaCompilation> latest(String area, int fiscalYear) {
    return jdbc.query("select content from area_compilation where area_code = ? and fiscal_year = ?"
        + " order by number desc", (rs, i) -> rs.getString(1), area, fiscalYear).stream().findFirst().map(this::read);
  }

  /**
   * The liaison meeting's agenda pack as a Japanese text block (the form's text field): the newest
   * compilation's emissions, member by member, against the area's targets, and every shared measure's progress
   * by member, key projects first. Says so when the year has not been compiled yet.
   */
  public String agendaSummary(String area, int fiscalYear) {
    var a = area(area);
    return latest(a.code(), fiscalYear).map(AreaAgenda::text)
        .orElse(a.name() + "の" + fiscalYear + "年度の取りまとめはまだありません。");
  }

  /**
   * The area's total t-CO2 of the year as the area counts it (the members' accepted versions): the newest stored
   * compilation's, or, before the year is compiled, as it would be compiled now. Empty when no member has one.
   * For the area cycle's status next to each member's {@link #memberTotal}.
   */
  public Optional<BigDecimal> areaTotal(String area, int fiscalYear) {
    return Optional.ofNullable(current(area, fiscalYear).total());
  }

  /** A member's total t-CO2 as the area counts it (see {@link #areaTotal}); empty without an accepted version. */
  public Optional<BigDecimal> memberTotal(String area, int fiscalYear, String municipality) {
    return current(area, fiscalYear).members().stream().filter(m -> m.code().equals(municipality)).findFirst()
        .map(MemberEmissions::total);
  }

  private AreaCompilation current(String area, int fiscalYear) {
    var a = area(area);
    return latest(a.code(), fiscalYear).orElseGet(() -> compute(a, fiscalYear, 0, Instant.now()));
  }

  AreaCompilation compute(AreaView a, int fiscalYear, int number, Instant at) {
    var inventoryYear = schedule.inventoryYear(fiscalYear);
    var reports = new LinkedHashMap<String, Optional<InventoryReport>>();
    var names = new LinkedHashMap<String, String>();
    for (var member : a.members()) {
      names.put(member, plan.findMunicipality(member).map(MunicipalityView::name).orElse(member));
      reports.put(member, inventories.findAccepted(member, inventoryYear));
    }
    var members = new ArrayList<MemberEmissions>();
    var baseByMember = new LinkedHashMap<String, BigDecimal>();
    for (var member : a.members()) {
      var base = baseYearTotal(member, a.baseYear());
      if (base != null) {
        baseByMember.put(member, base);
      }
      members.add(emissions(member, names.get(member), member.equals(a.lead()), reports.get(member), base,
          inventoryYear));
    }
    var counted = reports.entrySet().stream().filter(e -> e.getValue().isPresent())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(), (x, y) -> x, LinkedHashMap::new));
    var missing = members.stream().filter(MemberEmissions::missing).map(MemberEmissions::name).toList();
    var complete = missing.isEmpty();
    var total = counted.isEmpty() ? null : sum(counted.values().stream().map(InventoryReport::total).toList());

    var baseMissing = a.members().stream().filter(m -> !baseByMember.containsKey(m)).map(names::get).toList();
    var baseTotal = baseMissing.isEmpty() ? sum(List.copyOf(baseByMember.values())) : null;
    var baseYear = new BaseYear(a.baseYear(), baseTotal, complete ? percent(total, baseTotal) : null, baseMissing);

    var targetViews = areas.emissionTargets(a.code());
    var milestones = baseTotal == null ? List.<EmissionTargetPath.Milestone>of() : targetViews.stream()
        .map(t -> EmissionTargetPath.milestone(baseTotal, t.year(), t.reductionPercent(), t.label())).toList();
    var targets = targetViews.stream().map(t -> new Target(t.year(), t.reductionPercent(), t.label(),
        milestones.stream().filter(m -> m.year() == t.year()).map(EmissionTargetPath.Milestone::total).findFirst()
            .orElse(null))).toList();
    TargetPath targetPath = null;
    if (!milestones.isEmpty()) {
      var pathTotal = new EmissionTargetPath(a.code(), a.baseYear(), baseTotal, "MEMBERS", milestones)
          .valueAt(inventoryYear);
      targetPath = pathTotal == null ? null : new TargetPath(inventoryYear, pathTotal,
          complete ? percent(total, pathTotal) : null, complete ? total.compareTo(pathTotal) <= 0 : null);
    }
    return new AreaCompilation(a.code(), a.name(), fiscalYear, schedule.reviewYear(fiscalYear), inventoryYear, number,
        at, members, sectors(counted), gases(counted), total, complete, missing, baseYear, targets, targetPath,
        progress(a, fiscalYear, names), indicators(a, fiscalYear, inventoryYear, complete ? total : null));
  }

  /**
   * The area plan's indicators graded as a municipality's are (IndicatorService.graded). The one figure the
   * area itself produces is its GHG total, so an indicator of the whole plan counted in tonnes of CO2 (or with
   * {@code source: INVENTORY}) has the complete compiled totals as its actual values: this year's, and the
   * year before's from that year's newest compilation (for 前年度比減少). The others have the values the area's
   * secretariat entered in its compilation check (AreaIndicatorActuals), up to the reviewed year; none: データなし.
   */
  private List<IndicatorGradeView> indicators(AreaView a, int fiscalYear, int inventoryYear, BigDecimal total) {
    // t-CO2 by inventory year
    var totals = new LinkedHashMap<Integer, BigDecimal>();
    latest(a.code(), fiscalYear - 1).filter(c -> c.complete() && c.total() != null)
        .ifPresent(c -> totals.put(c.inventoryYear(), c.total()));
    if (total != null) {
      totals.put(inventoryYear, total);
    }
    var measureNames = areas.sharedMeasures(a.code()).stream()
        .collect(Collectors.toMap(SharedMeasureView::code, SharedMeasureView::name));
    int reviewYear = schedule.reviewYear(fiscalYear);
    var typed = entered.byIndicator(a.code());
    return areas.indicators(a.code()).stream().map(i -> {
      var scale = AreaIndicatorActuals.fromCompilation(i) ? AreaReportService.TonnesUnit.scale(i.unit()) : null;
      var values = scale == null ? typed.getOrDefault(i.code(), List.<ActualValueView>of()).stream()
          .filter(v -> v.valueYear() <= reviewYear).toList() : totals.entrySet().stream()
          .filter(t -> t.getKey() <= reviewYear)
          .map(t -> new ActualValueView(i.code(), t.getKey(), t.getValue().divide(scale, 3, RoundingMode.HALF_UP)
              .stripTrailingZeros(), "圏域の取りまとめ（" + t.getKey() + "年度の排出量）", null, null)).toList();
      return IndicatorService.graded(i, values, reviewYear, i.measureCode() == null ? null
          : measureNames.get(i.measureCode()));
    }).toList();
  }

  private static MemberEmissions emissions(String code, String name, boolean lead, Optional<InventoryReport> accepted,
      BigDecimal base, int inventoryYear) {
    if (accepted.isEmpty()) {
      return new MemberEmissions(code, name, lead, true, inventoryYear + "年度の確認済みの排出量がありません", null, null,
          null, Map.of(), Map.of(), base, null);
    }
    var r = accepted.get();
    var bySector = new LinkedHashMap<String, BigDecimal>();
    var byGas = new LinkedHashMap<String, BigDecimal>();
    for (var gas : Gas.values()) {
      r.sectors().forEach(s -> {
        var t = s.byGas().get(gas);
        if (t != null) {
          byGas.merge(gas.name(), t, BigDecimal::add);
        }
      });
    }
    r.sectors().forEach(s -> bySector.put(s.label(), s.total()));
    var v = r.version();
    var note = v.current() ? null : r.versions().stream().filter(x -> x.current()).findFirst()
        .map(x -> "第" + x.version() + "版は確認されていないため、確認済みの第" + v.version() + "版を集計しています").orElse(null);
    return new MemberEmissions(code, name, lead, false, note, v.version(), "第" + v.version() + "版（" + v.reason() + "）",
        r.total(), bySector, byGas, base, percent(r.total(), base));
  }

  /**
   * A member's emissions in the area's base year: the figure its plan states when its plan has the same base
   * year (as the member's own comparisons use it), else its calculated inventory of that year; null if neither.
   */
  private BigDecimal baseYearTotal(String member, int areaBaseYear) {
    var m = plan.findMunicipality(member);
    if (m.isEmpty()) {
      return null;
    }
    if (m.get().baseYear() == areaBaseYear) {
      return paths.baseTotal(member).orElse(null);
    }
    return inventories.find(member, areaBaseYear).map(InventoryReport::total).orElse(null);
  }

  private static List<SectorSum> sectors(Map<String, InventoryReport> counted) {
    var sums = new ArrayList<SectorSum>();
    for (var sector : InventorySector.values()) {
      var byGas = new LinkedHashMap<String, BigDecimal>();
      var byMember = new LinkedHashMap<String, BigDecimal>();
      counted.forEach((member, report) -> report.sectors().stream().filter(s -> s.sector() == sector).findFirst()
          .ifPresent(s -> {
            byMember.put(member, s.total());
            for (var gas : Gas.values()) {
              if (s.byGas().containsKey(gas)) {
                byGas.merge(gas.name(), s.byGas().get(gas), BigDecimal::add);
              }
            }
          }));
      if (!byMember.isEmpty()) {
        sums.add(new SectorSum(sector.name(), sector.label(), sum(List.copyOf(byMember.values())), byGas, byMember));
      }
    }
    return sums;
  }

  private static List<GasSum> gases(Map<String, InventoryReport> counted) {
    var sums = new ArrayList<GasSum>();
    for (var gas : Gas.values()) {
      var values = counted.values().stream().flatMap(r -> r.sectors().stream())
          .map(s -> s.byGas().get(gas)).filter(java.util.Objects::nonNull).toList();
      if (!values.isEmpty()) {
        sums.add(new GasSum(gas.name(), sum(values)));
      }
    }
    return sums;
  }

  /**
   * Every shared measure's members with what their own data says. Only a submitted result counts: a member's
   * self-assessments are read once its headquarters approved the year's Check (the point where its cycle hands
   * its result to the area), never while the member is still working on them.
   */
  private List<SharedMeasureProgress> progress(AreaView a, int fiscalYear, Map<String, String> names) {
    var submitted = new LinkedHashMap<String, Map<String, AssessmentView>>();
    for (var member : a.members()) {
      if (resultSubmitted(member, fiscalYear)) {
        submitted.put(member, assessments.all(member, fiscalYear).stream()
            .collect(Collectors.toMap(AssessmentView::measureCode, Function.identity(), (x, y) -> x)));
      }
    }
    return areas.sharedMeasures(a.code(), fiscalYear).stream().map(m -> new SharedMeasureProgress(m.code(), m.name(),
        MemberProgressLabels.sectorLabel(m.sector()), m.keyProject(), m.description(), m.members().stream()
            .map(role -> memberProgress(role, names.getOrDefault(role.municipality(), role.municipality()),
                submitted.get(role.municipality())))
            .toList())).toList();
  }

  private static MemberProgress memberProgress(MemberRole role, String name, Map<String, AssessmentView> assessed) {
    String status;
    AssessmentView view = null;
    if (assessed == null) {
      status = MemberProgressLabels.NOT_SUBMITTED;
    } else if (role.memberMeasure() == null) {
      status = MemberProgressLabels.NO_MEASURE;
    } else {
      view = assessed.get(role.memberMeasure());
      status = view == null ? MemberProgressLabels.NOT_ASSESSED : MemberProgressLabels.ASSESSED;
    }
    var kind = MemberProgressLabels.kindLabel(role.kind());
    if (view == null) {
      return new MemberProgress(role.municipality(), name, role.kind(), kind, role.memberMeasure(), status, null,
          MemberProgressLabels.label(status), null, null, null);
    }
    return new MemberProgress(role.municipality(), name, role.kind(), kind, role.memberMeasure(), status,
        view.progress().name(), view.progress().label(), view.achievements(), view.issues(), view.nextSteps());
  }

  /** Whether the member's headquarters' latest decision on the year's Check approved it. */
  private boolean resultSubmitted(String member, int fiscalYear) {
    var last = reviews.decisions(member, fiscalYear).stream()
        .filter(d -> d.level() == ReviewLevel.HEADQUARTERS && d.departmentCode() == null)
        .reduce((first, second) -> second);
    return last.isPresent() && last.get().outcome() == ReviewOutcome.APPROVE;
  }

  private AreaView area(String area) {
    return areas.find(area).orElseThrow(() -> new NotFoundException("圏域 \"" + area + "\" は登録されていません"));
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private String write(AreaCompilation compilation) {
    try {
      return json.writeValueAsString(compilation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the area compilation", e);
    }
  }

  private AreaCompilation read(String content) {
    try {
      return json.readValue(content, AreaCompilation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read an area compilation", e);
    }
  }
}
