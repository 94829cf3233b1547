package jp.climatepdca.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.evaluation.OpinionView;
import jp.climatepdca.evaluation.OpinionsFromLastYear;
import jp.climatepdca.publication.ReportContent.PriorOpinionEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's opinions on last year's report that were heard after it was published (seed 004, 川崎市:
 * the 環境審議会 hears the published report, evaluation.OpinionsFromLastYear) and this year's response to each
 * (対応方針). Under the usual order the committee is heard before the report and the report answers its own
 * year's opinions; under this one nothing would ever answer them, so the secretariat writes the responses while
 * it prepares this year's report (年次報告書の作成), they are kept in {@code prior_opinion_response}, and the
 * report lists them in a section of their own. Which opinions: the server's list, never the form's.
 */
@Component
class PriorOpinions {

  static final String WHOLE_PLAN = "全体";

  private final OpinionsFromLastYear lastYear;
  private final PriorOpinionResponseRepository responses;

  PriorOpinions(OpinionsFromLastYear lastYear, PriorOpinionResponseRepository responses) {
    this.lastYear = lastYear;
    this.responses = responses;
  }

  /** The opinions this year's report answers, in the order they were recorded. */
  List<OpinionView> toAnswer(String municipality, int fiscalYear) {
    return lastYear.toAnswerIn(municipality, fiscalYear);
  }

  /** The preparation form's heading of the list, naming the year and the body; empty without opinions. */
  String title(String municipality, int fiscalYear) {
    return (fiscalYear - 1) + "年度の年次報告書に対する" + lastYear.committeeOf(municipality, fiscalYear)
        + "の意見（公表後に聴取したもの）";
  }

  /** The responses written so far (a returned draft, a correction), by opinion id. */
  Map<Long, String> written(String municipality, int fiscalYear) {
    return responses.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear).stream()
        .collect(Collectors.toMap(PriorOpinionResponse::opinionId, PriorOpinionResponse::response));
  }

  /** Keeps the responses of this year's report; called with the opinions' ids from {@link #toAnswer}. */
  @Transactional
  void save(String municipality, int fiscalYear, Map<Long, String> written, String user, Instant now) {
    for (var entry : written.entrySet()) {
      var row = responses.findById(entry.getKey())
          .orElseGet(() -> new PriorOpinionResponse(entry.getKey(), municipality, fiscalYear));
      row.write(entry.getValue(), user, now);
      responses.save(row);
    }
  }

  /** The report's section: every opinion to answer, with the response kept (null while none is). */
  List<PriorOpinionEntry> entries(String municipality, int fiscalYear, Function<String, String> measureNames) {
    var opinions = toAnswer(municipality, fiscalYear);
    if (opinions.isEmpty()) {
      return List.of();
    }
    var committee = lastYear.committeeOf(municipality, fiscalYear);
    var written = written(municipality, fiscalYear);
    return opinions.stream().map(o -> new PriorOpinionEntry(fiscalYear - 1, committee, o.measureCode(),
        o.measureCode() == null ? null : measureNames.apply(o.measureCode()), o.opinion(), written.get(o.id())))
        .toList();
  }

  /**
   * The opinions to answer that a frozen draft lists without a response, or does not list at all (an opinion
   * recorded after the draft was frozen), as the approval names them; empty when the draft answers them all.
   */
  List<String> unanswered(ReportContent draft) {
    var missing = new ArrayList<String>();
    var opinions = toAnswer(draft.municipality(), draft.fiscalYear());
    for (int i = 0; i < opinions.size(); i++) {
      var opinion = opinions.get(i);
      var answered = draft.priorOpinions().stream().anyMatch(e -> Objects.equals(e.measureCode(), opinion.measureCode())
          && Objects.equals(e.opinion(), opinion.opinion()) && e.response() != null && !e.response().isBlank());
      if (!answered) {
        missing.add((i + 1) + "件目の意見（" + target(opinion) + "）");
      }
    }
    return missing;
  }

  /** The preparation form's rows: the opinion as read-only texts and the response written so far. */
  List<Map<String, Object>> rows(String municipality, int fiscalYear) {
    var written = written(municipality, fiscalYear);
    return toAnswer(municipality, fiscalYear).stream().map(o -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("opinionId", o.id());
      row.put("measureCode", target(o));
      row.put("opinion", o.opinion());
      row.put("response", written.getOrDefault(o.id(), ""));
      return (Map<String, Object>) row;
    }).toList();
  }

  static String target(OpinionView opinion) {
    return opinion.measureCode() == null ? WHOLE_PLAN : opinion.measureCode();
  }
}
