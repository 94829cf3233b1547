package jp.climatepdca.emission;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.system.XlsxReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports one inventory year's activity data: the whole file is checked first, and only a file without a
 * single error is written, as a new upload (earlier uploads stay for the versions calculated from them).
 */
@Service
public class ActivityImportService {

  static final int FIRST_YEAR = 1990;
  static final int LAST_YEAR = 2100;
  private static final int BATCH = 1000;

  private final EmissionFactorRepository factors;
  private final ActivityUploadRepository uploads;
  private final PlanService plan;
  private final JdbcTemplate jdbc;

  ActivityImportService(EmissionFactorRepository factors, ActivityUploadRepository uploads, PlanService plan,
      JdbcTemplate jdbc) {
    this.factors = factors;
    this.uploads = uploads;
    this.plan = plan;
    this.jdbc = jdbc;
  }

  @Transactional
  public UploadSummary importCsv(String municipality, int inventoryYear, String csv, String reason, String user) {
    return importLines(municipality, inventoryYear, reason, user, checker -> checker.read(csv));
  }

  /** The first worksheet of an .xlsx file, laid out like the CSV (header row first). */
  @Transactional
  public UploadSummary importExcel(String municipality, int inventoryYear, byte[] xlsx, String reason, String user) {
    return importLines(municipality, inventoryYear, reason, user, checker -> {
      try {
        return checker.read(XlsxReader.firstSheet(xlsx).rows().stream()
            .map(row -> new CsvReader.Record(row.line(), row.cells())).toList());
      } catch (XlsxReader.NotExcel e) {
        throw new ActivityCsv.Invalid(List.of(e.getMessage()));
      }
    });
  }

  private UploadSummary importLines(String municipality, int inventoryYear, String reason, String user,
      Function<ActivityCsv, List<ActivityLine>> read) {
    plan.municipality(municipality);
    if (inventoryYear < FIRST_YEAR || inventoryYear > LAST_YEAR) {
      throw new UserInputException("活動量データを登録できません",
          List.of("inventoryYear: 算定年度は" + FIRST_YEAR + "〜" + LAST_YEAR + "の範囲で指定してください（" + inventoryYear + "）"));
    }
    List<ActivityLine> lines;
    try {
      lines = read.apply(new ActivityCsv(factors.findAll(), inventoryYear));
    } catch (ActivityCsv.Invalid e) {
      throw new UserInputException("活動量データを登録できません（何も保存していません）", e.errors);
    }
    var upload = uploads.saveAndFlush(new ActivityUpload(municipality, inventoryYear, lines.size(), reason, user,
        Instant.now()));
    // Batched JDBC, not one JPA entity per line: a city's file can hold 100,000 lines.
    var activity = lines.stream().filter(l -> !l.direct()).toList();
    var direct = lines.stream().filter(ActivityLine::direct).toList();
    jdbc.batchUpdate("insert into activity_row (upload_id, line_no, sector, sub_sector, factor_code, amount, unit,"
        + " factor_amount, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", activity, BATCH, (ps, l) -> {
          common(ps, upload.id(), l);
          ps.setString(5, l.factorCode());
          ps.setBigDecimal(6, l.amount());
          ps.setString(7, l.unit());
          ps.setBigDecimal(8, l.factorAmount());
          ps.setString(9, l.source());
        });
    jdbc.batchUpdate("insert into direct_emission (upload_id, line_no, sector, sub_sector, gas, t_co2, source)"
        + " values (?, ?, ?, ?, ?, ?, ?)", direct, BATCH, (ps, l) -> {
          common(ps, upload.id(), l);
          ps.setString(5, l.gas().name());
          ps.setBigDecimal(6, l.amount());
          ps.setString(7, l.source());
        });
    return new UploadSummary(upload.id(), municipality, inventoryYear, activity.size(), direct.size());
  }

  private static void common(PreparedStatement ps, long uploadId, ActivityLine l) throws SQLException {
    ps.setLong(1, uploadId);
    ps.setInt(2, l.line());
    ps.setString(3, l.sector().name());
    ps.setString(4, l.subSector());
  }

  /** What an import wrote. */
  /** The body of a CSV upload; Shift_JIS is refused rather than read as garbage. */
  static String utf8(byte[] body) {
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UserInputException("活動量データを登録できません（何も保存していません）",
          List.of("ファイルの文字コードが UTF-8 ではありません。Excel では「CSV UTF-8（コンマ区切り）」で保存してください"));
    }
  }

  public record UploadSummary(long uploadId, String municipality, int inventoryYear, int activityRows,
      int directFigures) {}
}
