package jp.climatepdca.publication;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rendered files of published versions (table annual_report_file): rendered once, kept with the version,
 * read back by the public downloads. Plain JDBC rather than JPA, so that looking up a file's ETag never
 * loads its bytes or the version's snapshot. Every read joins annual_report on status PUBLISHED, so a row
 * can never make an unpublished version reachable.
 */
@Component
public class ReportFileStore {

  /** Renders of a stored file, by file: after publication this grows only for versions published before V7. */
  static final String RENDERS = "climatepdca.report.file.renders";

  private final JdbcTemplate jdbc;
  private final ReportPdf pdf;
  private final MeterRegistry meters;

  ReportFileStore(JdbcTemplate jdbc, ReportPdf pdf, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.pdf = pdf;
    this.meters = meters;
  }

  /**
   * Renders and stores every file the version does not have yet, in the caller's transaction. The caller
   * holds the version's row lock (the publication's update, or a SELECT FOR UPDATE), so two nodes never
   * render the same version at once and the insert never meets an existing row.
   */
  void storeMissing(long reportId, PublishedReport report) {
    var stored = new HashSet<>(jdbc.queryForList("select kind from annual_report_file where report_id = ?",
        String.class, reportId));
    for (var file : ReportFile.values()) {
      if (!stored.contains(file.fileName())) {
        var bytes = render(file, report);
        jdbc.update("insert into annual_report_file (report_id, kind, content_type, byte_size, sha256, content,"
            + " rendered_at) values (?, ?, ?, ?, ?, ?, ?)", reportId, file.fileName(), file.type().toString(),
            bytes.length, sha256(bytes), bytes, Timestamp.from(Instant.now()));
      }
    }
  }

  /**
   * A published version's file without its bytes: the newest published version of the year when
   * {@code version} is null. {@link StoredFile#stored()} is false for a version published before files
   * were stored (rendered on its first request).
   */
  Optional<StoredFile> find(String municipality, int fiscalYear, Integer version, ReportFile file) {
    var args = new ArrayList<Object>(List.of(file.fileName(), municipality, fiscalYear, ReportStatus.PUBLISHED.name()));
    if (version != null) {
      args.add(version);
    }
    var sql = "select r.id, r.version, f.sha256, f.byte_size from annual_report r"
        + " left join annual_report_file f on f.report_id = r.id and f.kind = ?"
        + " where r.municipality_code = ? and r.fiscal_year = ? and r.status = ?"
        + (version == null ? "" : " and r.version = ?")
        + " order by r.version desc fetch first 1 rows only";
    return jdbc.query(sql, (rs, n) -> new StoredFile(rs.getLong(1), rs.getInt(2), file, rs.getString(3),
        rs.getObject(4, Integer.class)), args.toArray()).stream().findFirst();
  }

  /** The bytes of a stored file of a published version. */
  byte[] content(StoredFile file) {
    return jdbc.queryForObject("select f.content from annual_report_file f join annual_report r on r.id = f.report_id"
        + " where f.report_id = ? and f.kind = ? and r.status = ?", byte[].class, file.reportId(),
        file.file().fileName(), ReportStatus.PUBLISHED.name());
  }

  /** How often this node has rendered each file (for every version): the metric, and the tests' proof. */
  Map<ReportFile, Double> renders() {
    var counts = new EnumMap<ReportFile, Double>(ReportFile.class);
    for (var file : ReportFile.values()) {
      counts.put(file, meters.counter(RENDERS, "file", file.fileName()).count());
    }
    return counts;
  }

  private byte[] render(ReportFile file, PublishedReport report) {
    meters.counter(RENDERS, "file", file.fileName()).increment();
    return switch (file) {
      case PDF -> pdf.render(report);
      case MEASURES -> ReportCsv.measures(report.content());
      case EMISSIONS -> ReportCsv.emissions(report.content());
      case INDICATORS -> ReportCsv.indicators(report.content());
      case PRIOR_OPINIONS -> ReportCsv.priorOpinions(report.content());
      case CITIZEN_OPINIONS -> ReportCsv.citizenOpinions(report.content());
    };
  }

  /** Hex SHA-256: the strong ETag of stored bytes (the area's report files too). */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A published version's file; {@code sha256} and {@code size} are null until it is stored. */
  record StoredFile(long reportId, int version, ReportFile file, String sha256, Integer size) {

    boolean stored() {
      return sha256 != null;
    }

    /** Strong: the stored bytes never change. */
    String etag() {
      return "\"" + sha256 + "\"";
    }
  }
}
