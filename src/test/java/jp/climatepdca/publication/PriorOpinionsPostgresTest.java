package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The responses to last year's council opinions on PostgreSQL as production runs it (V30's table, its key on
 * committee_opinion): kept when the report is prepared, rewritten by a second preparation of the same year
 * (a returned draft), listed in the frozen draft and its CSV; one naming an opinion that does not exist is
 * refused by the database, not kept half.
 */
@SpringBootTest
class PriorOpinionsPostgresTest extends ProdProfileOnPostgres {

  private static final String TOWN = "963804";
  private static final int YEAR = 2028;

  @Autowired
  ApplicationContext context;

  @Autowired
  AnnualReportService reports;

  @Autowired
  PriorOpinions prior;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void responsesAreKeptRewrittenAndListed() throws IOException {
    KawasakiTown.ensure(context, TOWN);
    var opinions = prior.toAnswer(TOWN, YEAR);
    assertThat(opinions).hasSize(2);
    var request = new ReportRequest(TOWN, YEAR, YEAR - 1, YEAR - 2, "概要", null);
    reports.prepare(request, Map.of(), Map.of(opinions.get(0).id(), "初めの対応方針", opinions.get(1).id(), "二つ目の対応方針"),
        TOWN + "-jimukyoku");
    reports.prepare(request, Map.of(), Map.of(opinions.get(0).id(), "書き直した対応方針"), TOWN + "-jimukyoku");

    assertThat(jdbc.queryForList("select response from prior_opinion_response where municipality_code = ? and fiscal_year = ?"
        + " order by opinion_id", String.class, TOWN, YEAR)).containsExactly("書き直した対応方針", "二つ目の対応方針");
    var draft = reports.openDraft(TOWN, YEAR).orElseThrow();
    assertThat(draft.priorOpinions()).extracting(ReportContent.PriorOpinionEntry::response)
        .containsExactly("書き直した対応方針", "二つ目の対応方針");
    assertThat(prior.unanswered(draft)).isEmpty();
    assertThat(new String(ReportCsv.priorOpinions(draft), StandardCharsets.UTF_8))
        .contains("\"全体\",,\"" + KawasakiTown.ON_THE_PLAN + "\",\"書き直した対応方針\"");

    var before = jdbc.queryForObject("select count(*) from prior_opinion_response", Integer.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.prepare(request, Map.of(),
        Map.of(opinions.get(0).id(), "もう一度", -1L, "存在しない意見へ"), TOWN + "-jimukyoku"))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    assertThat(jdbc.queryForObject("select count(*) from prior_opinion_response", Integer.class)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select response from prior_opinion_response where opinion_id = ?", String.class,
        opinions.get(0).id())).isEqualTo("書き直した対応方針");
  }
}
