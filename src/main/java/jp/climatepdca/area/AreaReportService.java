package jp.climatepdca.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.climatepdca.area.AreaReportContent.IndicatorEntry;
import jp.climatepdca.emission.InventoryReportService;
import jp.climatepdca.publication.ReportFileStore;
import jp.climatepdca.publication.ReportPdf;
import jp.climatepdca.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area's annual report: frozen from the year's newest compilation when the area publishes
 * (Task_PublishAreaReport), with its PDF and CSV rendered in the same transaction, so the version becomes
 * public together with its files and no anonymous request ever renders them. Only published versions exist
 * here; the public pages show the newest.
 */
@Service
@Transactional(readOnly = true)
public class AreaReportService {

  private static final String PDF_TEMPLATE = "public/area-report-pdf";

  private final AreaPlanService areas;
  private final AreaCompilationService compilations;
  private final AreaReportMeetings meetings;
  private final ReportPdf pdf;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  AreaReportService(AreaPlanService areas, AreaCompilationService compilations, AreaReportMeetings meetings,
      ReportPdf pdf, JdbcTemplate jdbc, ObjectMapper json) {
    this.areas = areas;
    this.compilations = compilations;
    this.meetings = meetings;
    this.pdf = pdf;
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Publishes the year's report as its next version, from the newest compilation (compiled now if the year
   * has none, so a report never shows figures nobody compiled). Returns the version.
   */
  @Transactional
  public int publish(String area, int fiscalYear, String user) {
    var a = areas.find(area).orElseThrow(() -> new NotFoundException("圏域 \"" + area + "\" は登録されていません"));
    // the area's row, locked: two publications of the same year at once get consecutive versions
    jdbc.queryForObject("select code from area where code = ? for update", String.class, a.code());
    var compilation = compilations.latest(a.code(), fiscalYear)
        .orElseGet(() -> compilations.compile(a.code(), fiscalYear, user));
    var version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from area_report"
        + " where area_code = ? and fiscal_year = ?", Integer.class, a.code(), fiscalYear);
    var now = Instant.now();
    var content = new AreaReportContent(a.code(), a.name(), fiscalYear, version, now, compilation,
        indicators(a, compilation), meetings.of(a, fiscalYear));
    var keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into area_report (area_code, fiscal_year, version,"
          + " compilation_number, content, published_by, published_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, a.code());
      insert.setInt(2, fiscalYear);
      insert.setInt(3, version);
      insert.setInt(4, compilation.number());
      insert.setString(5, write(content));
      insert.setString(6, user);
      insert.setTimestamp(7, Timestamp.from(now));
      return insert;
    }, keys);
    var id = keys.getKey().longValue();
    store(id, AreaReportFile.PDF, pdf.render(PDF_TEMPLATE, Map.of("r", content)));
    store(id, AreaReportFile.CSV, AreaReportCsv.emissions(content));
    store(id, AreaReportFile.MEASURES_CSV, AreaReportCsv.measures(content));
    if (content.indicatorsGraded()) {
      store(id, AreaReportFile.INDICATORS_CSV, AreaReportCsv.indicators(content));
    }
    return version;
  }

  /** The newest published version of the year. */
  public Optional<AreaReportContent> published(String area, int fiscalYear) {
    return jdbc.query("select content from area_report where area_code = ? and fiscal_year = ? order by version desc"
        + " fetch first 1 rows only", (rs, i) -> rs.getString(1), area, fiscalYear).stream().findFirst().map(this::read);
  }

  /** A file of the year's newest published version: its bytes and strong ETag. */
  Optional<StoredAreaFile> file(String area, int fiscalYear, AreaReportFile file) {
    return jdbc.query("select r.version, f.sha256, f.content from area_report r join area_report_file f"
        + " on f.report_id = r.id and f.kind = ? where r.area_code = ? and r.fiscal_year = ?"
        + " order by r.version desc fetch first 1 rows only",
        (rs, i) -> new StoredAreaFile(rs.getInt(1), "\"" + rs.getString(2) + "\"", rs.getBytes(3)),
        file.name(), area, fiscalYear).stream().findFirst();
  }

  record StoredAreaFile(int version, String etag, byte[] content) {}

  private void store(long reportId, AreaReportFile file, byte[] bytes) {
    jdbc.update("insert into area_report_file (report_id, kind, content_type, byte_size, sha256, content)"
        + " values (?, ?, ?, ?, ?, ?)", reportId, file.name(), file.type().toString(), bytes.length,
        ReportFileStore.sha256(bytes), bytes);
  }

  /**
   * The area plan's indicators as the compilation graded them (docs/indicators.md). A compilation stored before
   * area indicators were graded gives them as before: the one figure the area itself produces is its GHG total,
   * so an indicator of the whole plan counted in tonnes of CO2 gets the compiled total as its actual value (only
   * when every member's inventory is in it); other indicators show their targets alone.
   */
  private List<IndicatorEntry> indicators(AreaView a, AreaCompilation compilation) {
    if (compilation.indicators() != null) {
      return compilation.indicators().stream().map(g -> new IndicatorEntry(g.code(), g.name(), g.unit(),
          g.measureCode(), g.directionLabel(), g.baseYear(), g.baseValue(), g.targetYear(), g.targetValue(),
          g.actualYear(), g.actualValue(), g.actualValue() == null || g.baseValue() == null ? null
              : InventoryReportService.percent(g.actualValue(), g.baseValue()),
          g.kindLabel(), g.targetsLabel(), g.gradeLabel(), g.comparedLabel(), g.staleNote())).toList();
    }
    return areas.indicators(a.code()).stream().map(i -> {
      var scale = i.measureCode() == null && compilation.complete() && compilation.total() != null
          ? TonnesUnit.scale(i.unit()) : null;
      var actual = scale == null ? null : compilation.total().divide(scale, 3, RoundingMode.HALF_UP).stripTrailingZeros();
      return new IndicatorEntry(i.code(), i.name(), i.unit(), i.measureCode(), i.direction().label(), i.baseYear(),
          i.baseValue(), i.targetYear(), i.targetValue(), actual == null ? null : compilation.inventoryYear(), actual,
          actual == null || i.baseValue() == null ? null : InventoryReportService.percent(actual, i.baseValue()),
          null, null, null, null, null);
    }).toList();
  }

  private String write(AreaReportContent content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the area report", e);
    }
  }

  private AreaReportContent read(String content) {
    try {
      return json.readValue(content, AreaReportContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read an area report", e);
    }
  }

  /** Units of tonnes of CO2 as area files write them, and how many tonnes one unit is. */
  static final class TonnesUnit {

    private TonnesUnit() {}

    static BigDecimal scale(String unit) {
      var u = unit.replace("-", "").replace("‐", "").replace("－", "").replace("₂", "2").replace(" ", "")
          .toLowerCase(java.util.Locale.ROOT);
      return switch (u) {
        case "tco2" -> BigDecimal.ONE;
        case "千tco2" -> BigDecimal.valueOf(1_000);
        case "万tco2" -> BigDecimal.valueOf(10_000);
        default -> null;
      };
    }
  }
}
