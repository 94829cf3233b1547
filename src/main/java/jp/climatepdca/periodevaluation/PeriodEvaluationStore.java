package jp.climatepdca.periodevaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * plan_period_evaluation and plan_period_trend (V17). Written inside the engine's transaction (the
 * listeners and delegates run in it), so a refused form or a failed start leaves no row behind.
 */
@Repository
class PeriodEvaluationStore {

  private static final String COLUMNS = "id, municipality_code, fiscal_year, kind, first_year, last_year,"
      + " process_instance_id, started_by, started_at, secretariat_note, headquarters_evaluation, committee_opinions,"
      + " outcome, outcome_reason, revised_document, return_comment, version_number, finished_at";

  private final JdbcTemplate jdbc;

  PeriodEvaluationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The row comes first: the process's first step (the trend's compilation) writes to it. */
  long insert(String municipality, int fiscalYear, EvaluationKind kind, int firstYear, int lastYear,
      String startedBy) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into plan_period_evaluation (municipality_code, fiscal_year,"
          + " kind, first_year, last_year, started_by, started_at) values (?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      statement.setString(1, municipality);
      statement.setInt(2, fiscalYear);
      statement.setString(3, kind.name());
      statement.setInt(4, firstYear);
      statement.setInt(5, lastYear);
      statement.setString(6, startedBy);
      statement.setTimestamp(7, Timestamp.from(Instant.now()));
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  boolean exists(String municipality, int fiscalYear) {
    return jdbc.queryForObject("select count(*) from plan_period_evaluation where municipality_code = ? and fiscal_year = ?",
        Integer.class, municipality, fiscalYear) > 0;
  }

  Optional<PeriodEvaluationRow> find(String municipality, int fiscalYear) {
    return jdbc.query("select " + COLUMNS + " from plan_period_evaluation where municipality_code = ? and fiscal_year = ?",
        PeriodEvaluationStore::row, municipality, fiscalYear).stream().findFirst();
  }

  PeriodEvaluationRow get(String municipality, int fiscalYear) {
    return find(municipality, fiscalYear).orElseThrow(() -> new IllegalStateException(
        "no plan_period_evaluation row for " + municipality + ":" + fiscalYear));
  }

  void addTrend(long evaluationId, String document) {
    jdbc.update("insert into plan_period_trend (evaluation_id, compiled_at, document) values (?, ?, ?)", evaluationId,
        Timestamp.from(Instant.now()), document);
  }

  /** The newest compilation: what the open task shows, or what headquarters last saw. */
  Optional<String> latestTrend(long evaluationId) {
    return jdbc.queryForList("select document from plan_period_trend where evaluation_id = ? order by id desc",
        String.class, evaluationId).stream().findFirst();
  }

  int trendCount(long evaluationId) {
    return jdbc.queryForObject("select count(*) from plan_period_trend where evaluation_id = ?", Integer.class,
        evaluationId);
  }

  void update(long id, String column, Object value) {
    if (!column.matches("[a-z_]+")) {
      throw new IllegalArgumentException(column);
    }
    jdbc.update("update plan_period_evaluation set " + column + " = ? where id = ?", value, id);
  }

  /** The committee's opinions on the revision's draft (V20), null before its review. */
  String revisionOpinions(long id) {
    return jdbc.queryForObject("select revision_opinions from plan_period_evaluation where id = ?", String.class, id);
  }

  void finish(long id, Integer versionNumber) {
    jdbc.update("update plan_period_evaluation set version_number = ?, finished_at = ? where id = ?", versionNumber,
        Timestamp.from(Instant.now()), id);
  }

  private static PeriodEvaluationRow row(ResultSet rs, int n) throws SQLException {
    var finished = rs.getTimestamp("finished_at");
    return new PeriodEvaluationRow(rs.getLong("id"), rs.getString("municipality_code"), rs.getInt("fiscal_year"),
        EvaluationKind.valueOf(rs.getString("kind")), rs.getInt("first_year"), rs.getInt("last_year"),
        rs.getString("process_instance_id"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
        rs.getString("secretariat_note"), rs.getString("headquarters_evaluation"), rs.getString("committee_opinions"),
        rs.getString("outcome"), rs.getString("outcome_reason"), rs.getString("revised_document"), rs.getString("return_comment"),
        (Integer) rs.getObject("version_number", Integer.class), finished == null ? null : finished.toInstant());
  }
}
