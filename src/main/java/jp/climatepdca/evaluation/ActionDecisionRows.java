package jp.climatepdca.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.climatepdca.evaluation.EvaluationService.DecisionInput;
import jp.climatepdca.plan.MeasureKind;
import jp.climatepdca.plan.MeasureView;

/**
 * What the Action step submitted, checked against the measures of the plan in force in the reviewed year
 * (never against what the form listed), turned into one decision per measure:
 * <ul>
 *   <li>{@code exceptions} (継続以外とする施策, the form): a measure, a decision other than the default and its
 *       reason, all three required;</li>
 *   <li>{@code measures} (one row per measure, the list API clients have read from the form variables and
 *       sent back since the first version): a row whose decision is set decides it as before (修正して継続
 *       with its content); a row left undecided, like a measure missing from both lists, takes the default;</li>
 *   <li>every measure not decided takes the default, 継続, recorded with {@link #DEFAULT_NOTE}; a measure
 *       carrying a shared measure of the member's area takes the area's decision instead (#18).</li>
 * </ul>
 * A measure named twice (in one list or across both), a code not in the plan, a missing reason, or a
 * decision other than the area's for an area-bound measure is an error naming the row or the measure;
 * every error is collected, and the caller refuses the whole submission.
 */
final class ActionDecisionRows {

  /** The note of a measure that continues because the Action step named no other decision for it. */
  static final String DEFAULT_NOTE = "既定により継続（見直しで変更の指定がなかった施策）";
  static final int MAX_NOTE = 4000;

  private final Map<String, MeasureView> measures;
  private final Map<String, AreaDecisionsForMember.Binding> bound;
  private final List<String> errors = new ArrayList<>();
  private final List<DecisionInput> inputs = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  ActionDecisionRows(Map<String, MeasureView> measures, Map<String, AreaDecisionsForMember.Binding> bound) {
    this.measures = measures;
    this.bound = bound;
  }

  List<String> errors() {
    return errors;
  }

  /** The decisions for every measure of the plan; call after {@link #listed} and {@link #exceptions}. */
  List<DecisionInput> decisions() {
    var all = new ArrayList<>(inputs);
    for (var code : measures.keySet().stream().filter(code -> !seen.contains(code)).sorted().toList()) {
      var area = bound.get(code);
      all.add(area == null ? new DecisionInput(code, ActionDecision.CONTINUE, DEFAULT_NOTE, null)
          : new DecisionInput(code, area.decision(), area.note(), area.area()));
    }
    return all;
  }

  /** The one-row-per-measure list (API clients): an undecided row is left to the default. */
  void listed(List<Map<String, Object>> rows) {
    for (var row : rows) {
      var code = String.valueOf(row.get("measureCode"));
      var value = row.get("decision");
      var note = note(row.get("note"));
      if (value == null || value.toString().isBlank()) {
        // not marked as seen: the same measure may still be decided in 継続以外とする施策
        if (!measures.containsKey(code)) {
          errors.add("施策コード \"" + code + "\" は見直しの対象ではありません（この年度の計画の施策ではありません）");
        } else if (note != null) {
          errors.add(code + ": 見直しの内容・理由があるのに見直しの判断（継続・修正・廃止・移行）が選ばれていません");
        }
        continue;
      }
      var measure = measure(code, null);
      if (measure == null) {
        continue;
      }
      var area = bound.get(code);
      if (area != null) {
        areaDecision(code, value, area).ifPresent(inputs::add);
        continue;
      }
      var decision = decision(code, value, measure);
      checkLength(code, note);
      if (decision == ActionDecision.MODIFY && note == null) {
        errors.add(code + ": 修正する場合は見直しの内容を入力してください");
      }
      if (decision != null) {
        inputs.add(new DecisionInput(code, decision, note, null));
      }
    }
  }

  /** 継続以外とする施策: measure, decision and reason, each required. */
  void exceptions(List<Map<String, Object>> rows) {
    for (var i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var place = "継続以外とする施策の" + (i + 1) + "行目";
      var value = row.get("measureCode");
      if (value == null || value.toString().isBlank()) {
        errors.add(place + ": 施策を選んでください");
        continue;
      }
      var code = value.toString().strip();
      var measure = measure(code, place + "（" + code + "）");
      if (measure == null) {
        continue;
      }
      var area = bound.get(code);
      if (area != null) {
        areaDecision(code, row.get("decision"), area).ifPresent(inputs::add);
        continue;
      }
      var decision = decision(code, row.get("decision"), measure);
      var note = note(row.get("note"));
      if (note == null) {
        errors.add(code + ": 継続以外とする理由（見直しの内容・理由）を入力してください");
      }
      checkLength(code, note);
      if (decision != null && note != null) {
        inputs.add(new DecisionInput(code, decision, note, null));
      }
    }
  }

  /** The measure of the plan, once: an unknown code or a second mention is an error ({@code place}: the row, or null). */
  private MeasureView measure(String code, String place) {
    var measure = measures.get(code);
    if (measure == null) {
      errors.add((place == null ? "" : place + ": ") + "施策コード \"" + code
          + "\" は見直しの対象ではありません（この年度の計画の施策ではありません）");
      return null;
    }
    if (!seen.add(code)) {
      errors.add(code + ": 同じ施策が2回入力されています");
      return null;
    }
    return measure;
  }

  /**
   * A measure carrying a shared measure: the area's decision, with the area's note (the member's own note is
   * not recorded: the decision is the area's). Naming the area's decision, or none, takes it; any other is
   * refused, so a client that meant otherwise learns that its decision does not hold.
   */
  private Optional<DecisionInput> areaDecision(String code, Object value, AreaDecisionsForMember.Binding area) {
    var submitted = value == null ? "" : value.toString().strip();
    if (!submitted.isEmpty() && !submitted.equals(area.decision().name())) {
      String shown;
      try {
        shown = "「" + ActionDecision.valueOf(submitted).label() + "」";
      } catch (IllegalArgumentException e) {
        shown = "選択肢にない値";
      }
      errors.add(code + ": 圏域（" + area.areaName() + "）の共通施策 " + area.sharedMeasures() + " を実施する施策のため、"
          + "圏域の決定「" + area.decision().label() + "」に従います。" + shown + "にはできません（見直しの判断を「"
          + area.decision().label() + "」にしてください）");
      return Optional.empty();
    }
    return Optional.of(new DecisionInput(code, area.decision(), area.note(), area.area()));
  }

  private ActionDecision decision(String code, Object value, MeasureView measure) {
    if (value == null || value.toString().isBlank()) {
      errors.add(code + ": 見直しの判断（継続・修正・廃止・移行）を選んでください");
      return null;
    }
    try {
      var decision = ActionDecision.valueOf(value.toString());
      if (decision == ActionDecision.PROMOTE && measure.kind() != MeasureKind.STUDY) {
        errors.add(code + ": 実施事業へ移行できるのは検討事業だけです");
        return null;
      }
      return decision;
    } catch (IllegalArgumentException e) {
      errors.add(code + ": 判断の値 \"" + value + "\" は選択肢にありません");
      return null;
    }
  }

  private void checkLength(String code, String note) {
    if (note != null && note.length() > MAX_NOTE) {
      errors.add(code + ": 見直しの内容・理由は" + MAX_NOTE + "文字以内で入力してください");
    }
  }

  private static String note(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
