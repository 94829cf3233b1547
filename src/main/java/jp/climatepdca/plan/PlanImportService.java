package jp.climatepdca.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.UserInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a plan file (docs/plan-file-format.md). The whole file is checked before anything is written,
 * and the write is one transaction, so a bad file leaves the database as it was.
 */
@Service
public class PlanImportService {

  private static final String TITLE = "計画データファイルを読み込めません";

  private final ObjectMapper mapper;
  private final MunicipalityRepository municipalities;
  private final DepartmentRepository departments;
  private final MeasureRepository measures;
  private final IndicatorRepository indicators;
  private final EmissionTargetRepository targets;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<AreaDirectory> areas;
  private final PlanVersions versions;
  private final PlanGovernanceService governance;

  PlanImportService(ObjectMapper mapper, MunicipalityRepository municipalities, DepartmentRepository departments,
      MeasureRepository measures, IndicatorRepository indicators, EmissionTargetRepository targets,
      ApplicationEventPublisher events, ObjectProvider<AreaDirectory> areas, PlanVersions versions,
      PlanGovernanceService governance) {
    // the file is read as a tree first (PlanFileTypes): its decimals must stay exactly as written there too,
    // never a double (1e-100000000 would become 0) nor stripped of the scale the validator checks
    this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    this.municipalities = municipalities;
    this.departments = departments;
    this.measures = measures;
    this.indicators = indicators;
    this.targets = targets;
    this.events = events;
    this.areas = areas;
    this.versions = versions;
    this.governance = governance;
  }

  /** Who loads the start-up files, as plan versions name it. */
  public static final String STARTUP_USER = "system";

  /** Start-up and demo loading: every municipality in the file is accepted. */
  @Transactional
  public PlanImportResult importPlan(InputStream json) {
    return importPlan(json, code -> true, STARTUP_USER);
  }

  @Transactional
  public PlanImportResult importPlan(InputStream json, Predicate<String> mayLoad) {
    return importPlan(json, mayLoad, STARTUP_USER);
  }

  /**
   * Loads a plan file as a whole or not at all. {@code mayLoad} answers whether the caller may load the
   * plan of the municipality the file names; it is asked after the file is read, before anything is saved.
   * The file becomes a new plan version ({@link PlanVersionService}) unless it was loaded before.
   */
  @Transactional
  public PlanImportResult importPlan(InputStream json, Predicate<String> mayLoad, String user) {
    var doc = readChecked(json);
    var m = doc.municipality();
    if (!mayLoad.test(m.code())) {
      throw new AccessDeniedException("自治体コード \"" + m.code() + "\" の計画を登録する権限がありません");
    }
    var decision = versions.decide(doc);
    if (decision.existing() != null && !decision.existing().isLatestOf(versions.count(m.code()))) {
      // an earlier version's file (a start-up file after a revision through the API): the plan stays as it is
      return unchanged(doc, decision.existing());
    }
    var municipality = municipalities.findById(m.code()).orElseGet(() -> new Municipality(m.code()));
    // a plan that names its liaison body (governance.bodies.liaison) holds the meeting
    var namesLiaison = doc.governance() != null && doc.governance().bodies() != null
        && doc.governance().bodies().liaison() != null;
    municipality.update(m.name(), m.baseYear() == null ? 2013 : m.baseYear(),
        Boolean.TRUE.equals(m.liaisonMeeting()) || namesLiaison, m.baseEmissions());
    municipality.nameArea(m.area());
    municipalities.save(municipality);
    for (var d : doc.departments()) {
      var department = departments.findByMunicipalityCodeAndCode(m.code(), d.code())
          .orElseGet(() -> new Department(m.code(), d.code()));
      department.rename(d.name());
      departments.save(department);
    }
    var measureEntries = doc.measures() == null ? List.<PlanDocument.MeasureEntry>of() : doc.measures();
    for (var e : measureEntries) {
      var measure = measures.findByMunicipalityCodeAndCode(m.code(), e.code())
          .orElseGet(() -> new Measure(m.code(), e.code()));
      measure.update(e.department(), e.name(), PlanLabels.of(Sector.class, e.sector()),
          PlanLabels.of(MeasureKind.class, e.kind()),
          Boolean.TRUE.equals(e.keyProject()), e.description());
      measures.save(measure);
    }
    var indicatorEntries = saveIndicators(m.code(), doc);
    saveTargets(m.code(), doc);
    governance.save(m.code(), PlanGovernanceValidator.view(doc.governance(), doc.plan()));
    var view = municipality.view();
    var departmentViews = doc.departments().stream().map(d -> new DepartmentView(d.code(), d.name())).toList();
    events.publishEvent(new PlanImportedEvent(view, departmentViews));
    var recorded = versions.save(decision, user);
    return new PlanImportResult(view.code(), view.name(), departmentViews.size(), measureEntries.size(),
        indicatorEntries, recorded.version().number(), recorded.created());
  }

  /**
   * Everything {@link #importPlan} checks before it writes (the file, who may load it, closed years, open
   * tasks), writing nothing: a process's form that takes a revised plan refuses it at once, as a whole.
   */
  void check(InputStream json, Predicate<String> mayLoad) {
    var doc = readChecked(json);
    if (!mayLoad.test(doc.municipality().code())) {
      throw new AccessDeniedException("自治体コード \"" + doc.municipality().code() + "\" の計画を登録する権限がありません");
    }
    versions.decide(doc);
  }

  /** The file read and checked as a whole: every error of it at once, or the document. */
  private PlanDocument readChecked(InputStream json) {
    var tree = tree(json);
    var types = PlanFileTypes.check(tree);
    var doc = parse(tree);
    var errors = new ArrayList<>(types.errors());
    errors.addAll(types.withoutRepeats(PlanFileValidator.validate(doc)));
    AreaReference.check(doc.municipality(), areas.getIfAvailable(), errors);
    if (!errors.isEmpty()) {
      throw new UserInputException(TITLE, errors);
    }
    return doc;
  }

  private PlanImportResult unchanged(PlanDocument doc, PlanVersion version) {
    var m = municipalities.findById(doc.municipality().code()).orElseThrow().view();
    return new PlanImportResult(m.code(), m.name(), doc.departments().size(),
        doc.measures() == null ? 0 : doc.measures().size(), doc.indicators() == null ? 0 : doc.indicators().size(),
        version.number(), false);
  }

  /** Indicators are updated by code and never deleted: their actual values refer to them. */
  private int saveIndicators(String municipality, PlanDocument doc) {
    var entries = doc.indicators() == null ? List.<PlanDocument.IndicatorEntry>of() : doc.indicators();
    for (var e : entries) {
      var indicator = indicators.findByMunicipalityCodeAndCode(municipality, e.code())
          .orElseGet(() -> new Indicator(municipality, e.code()));
      // the same view the plan's versions give the years they govern (PlanDefinitions)
      indicator.update(PlanDefinitions.indicatorView(doc, e));
      indicators.save(indicator);
    }
    return entries.size();
  }

  /** The file states the plan's whole set of reduction targets, so it replaces the earlier set. */
  private void saveTargets(String municipality, PlanDocument doc) {
    targets.deleteByMunicipality(municipality);
    targets.flush();
    if (doc.emissionTargets() != null) {
      doc.emissionTargets().forEach(t -> targets.save(new EmissionTarget(municipality,
          new EmissionTargetView(t.year(), t.reductionPercent(), t.label(), t.emissions()))));
    }
  }

  /** The file as a JSON tree: only a file that is not JSON at all stops here, naming its line. */
  private ObjectNode tree(InputStream json) {
    try {
      var node = mapper.readTree(json);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw new UserInputException(TITLE, List.of("ファイルが空です"));
      }
      if (!node.isObject()) {
        throw new UserInputException(TITLE, List.of("ファイル全体を { … } で囲んだ JSON オブジェクトにしてください"));
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      var limit = jp.climatepdca.system.JsonReadLimits.describe(e);
      throw new UserInputException(TITLE, List.of(where(e) + limit.orElse("JSON として読めません（" + e.getOriginalMessage()
          + "）")));
    } catch (IOException e) {
      throw new UserInputException(TITLE, List.of("ファイルを読めません（" + e.getMessage() + "）"));
    }
  }

  /** Binds the tree {@link PlanFileTypes} has cleaned; a type error here means a shape it does not know. */
  private PlanDocument parse(ObjectNode tree) {
    try {
      return mapper.treeToValue(tree, PlanDocument.class);
    } catch (UnrecognizedPropertyException e) {
      throw new UserInputException(TITLE, List.of("項目 \"" + Quoted.cut(e.getPropertyName()) + "\" は定義されていません"));
    } catch (MismatchedInputException e) {
      throw new UserInputException(TITLE, List.of(field(e) + "値の型が正しくありません（数値の項目に文字を書いていないか確認してください）"));
    } catch (JsonProcessingException e) {
      throw new UserInputException(TITLE, List.of("JSON として読めません（" + e.getOriginalMessage() + "）"));
    }
  }

  /** indicators[2].baseValue: the path of the field a type error is in, as the validator names fields. */
  private static String field(MismatchedInputException e) {
    var path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "" : path + ": ";
  }

  private static String where(JsonProcessingException e) {
    var location = e.getLocation();
    return location == null ? "" : location.getLineNr() + "行目 " + location.getColumnNr() + "列目: ";
  }

  /**
   * What an import did, for the API's answer and the start-up log: {@code version} is the plan version the
   * file is, {@code versionCreated} false when the same file had been loaded before.
   */
  public record PlanImportResult(String municipality, String name, int departments, int measures, int indicators,
      int version, boolean versionCreated) {}
}
