package jp.climatepdca.opinion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.climatepdca.system.TaskInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's triage of the opinions received in a town's year (Task_OpinionTriage, docs/opinion-triage.md):
 * each is accepted with the town's response, merged into an accepted one, or rejected with a reason. Opinions
 * are named by their reference (O-2026-0001), which is unique per town: a decision can only reach an opinion
 * of the town and year the task belongs to, and only one still waiting (RECEIVED). Every decision of a
 * submission is checked before any is written, so a refused one leaves every opinion as it was.
 */
@Service
public class OpinionTriageService {

  public static final int MAX_REASON = 1000;
  public static final int MAX_RESPONSE = 2000;

  private final PublicOpinionRepository opinions;

  OpinionTriageService(PublicOpinionRepository opinions) {
    this.opinions = opinions;
  }

  /** What the secretariat decided for one opinion, as the form (or an API client) sent it. */
  public record Decision(String reference, OpinionStatus status, String mergeInto, String reason, String response) {}

  /** An accepted opinion as the committee and the public see it: no sender name, no contact. */
  public record AcceptedOpinion(String reference, SenderKind senderKind, String measureCode, String body,
      String response, int merged) {

    public String senderKindLabel() {
      return senderKind.label();
    }
  }

  /** The opinions still waiting for the triage, oldest first. */
  @Transactional(readOnly = true)
  public List<PublicOpinion> received(String municipality, int fiscalYear) {
    return opinions.findByMunicipalityCodeAndFiscalYearAndStatusOrderByIdAsc(municipality, fiscalYear,
        OpinionStatus.RECEIVED);
  }

  @Transactional(readOnly = true)
  public boolean anyReceived(String municipality, int fiscalYear) {
    return opinions.existsByMunicipalityCodeAndFiscalYearAndStatus(municipality, fiscalYear, OpinionStatus.RECEIVED);
  }

  /** Accepted opinions of the year with how many were merged into each, in the order they were received. */
  @Transactional(readOnly = true)
  public List<AcceptedOpinion> accepted(String municipality, int fiscalYear) {
    var merged = new HashMap<Long, Integer>();
    opinions.findByMunicipalityCodeAndFiscalYearAndStatusOrderByIdAsc(municipality, fiscalYear, OpinionStatus.MERGED)
        .forEach(o -> merged.merge(o.mergedIntoId(), 1, Integer::sum));
    return opinions.findByMunicipalityCodeAndFiscalYearAndStatusOrderByIdAsc(municipality, fiscalYear,
        OpinionStatus.ACCEPTED).stream()
        .map(o -> new AcceptedOpinion(o.reference(), o.senderKind(), o.measureCode(), o.body(), o.response(),
            merged.getOrDefault(o.id(), 0)))
        .toList();
  }

  /**
   * Applies the decisions, one for every opinion still waiting in the town's year, or none at all: a
   * {@link TaskInputException} names every problem by the opinion's reference.
   */
  @Transactional
  public void triage(String municipality, int fiscalYear, List<Decision> decisions, String user) {
    var waiting = new LinkedHashMap<String, PublicOpinion>();
    received(municipality, fiscalYear).forEach(o -> waiting.put(o.reference(), o));
    var accepted = new HashMap<String, PublicOpinion>();
    opinions.findByMunicipalityCodeAndFiscalYearAndStatusOrderByIdAsc(municipality, fiscalYear, OpinionStatus.ACCEPTED)
        .forEach(o -> accepted.put(o.reference(), o));
    var errors = new ArrayList<String>();
    var decided = new LinkedHashMap<String, Decision>();
    for (int i = 0; i < decisions.size(); i++) {
      var d = decisions.get(i);
      var reference = d.reference() == null ? "" : d.reference().strip();
      if (!waiting.containsKey(reference)) {
        errors.add((i + 1) + "件目（" + (reference.isEmpty() ? "受付番号なし" : reference)
            + "）: この年度の未整理の意見ではありません。画面を開き直してください");
      } else if (decided.put(reference, d) != null) {
        errors.add(reference + ": 一覧に2回あります");
      }
    }
    waiting.keySet().stream().filter(r -> !decided.containsKey(r))
        .forEach(r -> errors.add(r + ": 一覧にありません。画面を開き直してください"));
    decided.forEach((reference, d) -> check(reference, d, decided, accepted, errors));
    if (!errors.isEmpty()) {
      throw new TaskInputException(errors);
    }
    var now = Instant.now();
    var targets = new HashSet<String>();
    // accepted first: a merge may name an opinion accepted in the same submission
    decided.forEach((reference, d) -> {
      if (d.status() == OpinionStatus.ACCEPTED) {
        waiting.get(reference).accept(d.response().strip(), user, now);
        targets.add(reference);
      }
    });
    decided.forEach((reference, d) -> {
      var opinion = waiting.get(reference);
      if (d.status() == OpinionStatus.MERGED) {
        var target = Objects.requireNonNullElseGet(accepted.get(d.mergeInto().strip()),
            () -> waiting.get(d.mergeInto().strip()));
        opinion.mergeInto(target.id(), d.reason().strip(), user, now);
      } else if (d.status() == OpinionStatus.REJECTED) {
        opinion.reject(d.reason().strip(), user, now);
      }
    });
    opinions.saveAll(waiting.values());
  }

  private static void check(String reference, Decision d, Map<String, Decision> decided,
      Map<String, PublicOpinion> accepted, List<String> errors) {
    if (d.status() == null || d.status() == OpinionStatus.RECEIVED) {
      errors.add(reference + ": 採用・統合・不採用のいずれかを選んでください");
      return;
    }
    if (d.status() == OpinionStatus.ACCEPTED) {
      text(reference, "回答・対応方針", d.response(), MAX_RESPONSE, errors);
      return;
    }
    text(reference, d.status() == OpinionStatus.MERGED ? "統合の理由" : "不採用の理由", d.reason(), MAX_REASON, errors);
    if (d.status() == OpinionStatus.MERGED) {
      var into = d.mergeInto() == null ? "" : d.mergeInto().strip();
      var sameSubmission = decided.get(into);
      if (into.isEmpty()) {
        errors.add(reference + ": 統合先の意見を選んでください");
      } else if (into.equals(reference)) {
        errors.add(reference + ": 自分自身には統合できません");
      } else if (accepted.containsKey(into)) {
        return;
      } else if (sameSubmission == null) {
        errors.add(reference + ": 統合先 " + into + " はこの年度の採用した意見ではありません");
      } else if (sameSubmission.status() != OpinionStatus.ACCEPTED) {
        errors.add(reference + ": 統合先 " + into + " は採用する意見ではありません（統合先は採用する意見に限ります）");
      }
    }
  }

  private static void text(String reference, String label, String value, int max, List<String> errors) {
    if (value == null || value.isBlank()) {
      errors.add(reference + ": " + label + "を入力してください");
    } else if (value.strip().length() > max) {
      errors.add(reference + ": " + label + "は" + max + "文字以内で入力してください（" + value.strip().length() + "文字）");
    }
  }
}
