package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form rows in which people enter an indicator's actual value for a reviewed year, wherever they enter
 * them: a department in its self-assessment, an area's secretariat in its compilation check (docs/indicators.md).
 * Indicators with a number go in one list (value and source), key projects' stages in another (a select of the
 * four stages). Both forms write and read their rows here, so a value is checked the same way everywhere
 * ({@link ActualValueCheck}).
 */
public final class ActualValueRows {

  /** The two lists of a form: indicators with a number, and key projects' stages. */
  public record Rows(List<Map<String, Object>> numbers, List<Map<String, Object>> stages) {}

  private ActualValueRows() {}

  /**
   * The rows of {@code indicators}, each with its value of {@code reviewYear}: the one in {@code entered}, or the
   * stored one ({@code actuals}, every year's, by indicator code) when {@code entered} is null.
   */
  public static Rows rows(List<IndicatorView> indicators, Map<String, List<ActualValueView>> actuals, int reviewYear,
      Map<String, ActualValueInput> entered) {
    var numbers = new ArrayList<Map<String, Object>>();
    var stages = new ArrayList<Map<String, Object>>();
    for (var i : indicators) {
      var values = actuals.getOrDefault(i.code(), List.of());
      var current = entered != null ? entered.get(i.code()) : stored(i, values, reviewYear);
      var value = current == null ? null : current.value();
      if (i.kind() == IndicatorKind.STAGES) {
        stages.add(stageRow(i, values, reviewYear, value));
      } else {
        numbers.add(numberRow(i, values, reviewYear, value, current == null ? null : current.source()));
      }
    }
    return new Rows(numbers, stages);
  }

  /** The stored value of {@code reviewYear}, null for none. */
  public static ActualValueInput stored(IndicatorView i, List<ActualValueView> values, int reviewYear) {
    return values.stream().filter(a -> a.valueYear() == reviewYear).findFirst()
        .map(a -> new ActualValueInput(i.code(), a.value(), a.source())).orElse(null);
  }

  private static Map<String, Object> stageRow(IndicatorView i, List<ActualValueView> actuals, int reviewYear,
      BigDecimal current) {
    var row = new LinkedHashMap<String, Object>();
    row.put("indicatorCode", i.code());
    row.put("indicatorName", i.name());
    row.put("measureCode", i.measureCode() == null ? "計画全体" : i.measureCode());
    row.put("plannedLabel", plannedStage(i, reviewYear));
    row.put("targetLabel", i.targetsLabel());
    row.put("previousLabel", previousLabel(i, actuals, reviewYear));
    row.put("stage", IndicatorStage.of(current).map(Enum::name).orElse(null));
    return row;
  }

  private static Map<String, Object> numberRow(IndicatorView i, List<ActualValueView> actuals, int reviewYear,
      BigDecimal value, String source) {
    var row = new LinkedHashMap<String, Object>();
    row.put("indicatorCode", i.code());
    row.put("indicatorName", i.name() + "（" + i.unit() + "）");
    row.put("measureCode", i.measureCode() == null ? "計画全体" : i.measureCode());
    row.put("baseLabel", i.baseValue() == null ? "—" : i.baseYear() + "年度 " + i.baseValue().toPlainString());
    row.put("targetLabel", targetLabel(i));
    row.put("previousLabel", previousLabel(i, actuals, reviewYear));
    row.put("actualValue", value);
    row.put("actualSource", source == null ? "" : source);
    return row;
  }

  /** The stage planned for {@code reviewYear}: the latest target up to it, 未着手 before the first. */
  public static String plannedStage(IndicatorView i, int reviewYear) {
    return i.targets().stream().filter(t -> t.year() <= reviewYear).reduce((a, b) -> b)
        .map(t -> i.valueLabel(t.value()) + "（" + t.year() + "年度〜）").orElse("未着手");
  }

  /** The newest value of a year before the reviewed one, a stage by its name; — for none. */
  public static String previousLabel(IndicatorView i, List<ActualValueView> actuals, int reviewYear) {
    return actuals.stream().filter(a -> a.valueYear() < reviewYear)
        .max(Comparator.comparingInt(ActualValueView::valueYear))
        .map(a -> a.valueYear() + "年度 " + (i.kind() == IndicatorKind.STAGES ? i.valueLabel(a.value())
            : a.value().toPlainString())).orElse("—");
  }

  /** The target as the kind reads it: a path's targets and direction, a threshold, a level to keep. */
  public static String targetLabel(IndicatorView i) {
    return switch (i.kind()) {
      case MAINTAIN -> i.baseValue().toPlainString() + " を維持（" + i.direction().label() + "）";
      case AT_LEAST -> i.targetsLabel() + " 以上";
      case AT_MOST -> i.targetsLabel() + " 以下";
      case YEAR_ON_YEAR_DECREASE -> "前年度より減少";
      default -> i.targetsLabel() + "（" + i.direction().label() + "）";
    };
  }

  /**
   * Checks every submitted row against {@code own} (the indicators the form's people enter, from the server);
   * what holds up is returned, every problem added to {@code errors} naming the indicator. A chosen stage gets
   * {@code stageSource} as its source; a row without a value clears the year's value. {@code whose} names the
   * owner in a message (この部署の, この圏域の).
   */
  public static List<ActualValueInput> read(List<Map<String, Object>> numbers, List<Map<String, Object>> stages,
      List<IndicatorView> own, String stageSource, String whose, List<String> errors) {
    var numberCodes = own.stream().filter(i -> i.kind() != IndicatorKind.STAGES).map(IndicatorView::code).toList();
    var stageCodes = own.stream().filter(i -> i.kind() == IndicatorKind.STAGES).map(IndicatorView::code).toList();
    var inputs = new ArrayList<ActualValueInput>();
    var seen = new HashSet<String>();
    readStages(stages, stageCodes, stageSource, whose, seen, inputs, errors);
    for (var row : numbers) {
      var code = String.valueOf(row.get("indicatorCode"));
      if (!numberCodes.contains(code)) {
        errors.add("指標コード \"" + code + "\" は" + whose + "指標ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add("指標 " + code + ": 同じ指標が2回入力されています");
        continue;
      }
      var before = errors.size();
      var where = "指標 " + code + ": ";
      BigDecimal value = ActualValueCheck.value(row.get("actualValue"), where, errors);
      var source = ActualValueCheck.source(row.get("actualSource"), value, where, errors);
      if (errors.size() == before) {
        inputs.add(new ActualValueInput(code, value, source));
      }
    }
    return inputs;
  }

  private static void readStages(List<Map<String, Object>> rows, List<String> own, String stageSource, String whose,
      Set<String> seen, List<ActualValueInput> inputs, List<String> errors) {
    for (var row : rows) {
      var code = String.valueOf(row.get("indicatorCode"));
      if (!own.contains(code)) {
        errors.add("指標コード \"" + code + "\" は" + whose + "段階で評価する指標ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add("指標 " + code + ": 同じ指標が2回入力されています");
        continue;
      }
      var raw = row.get("stage");
      if (raw == null || raw.toString().isBlank()) {
        inputs.add(new ActualValueInput(code, null, null));
        continue;
      }
      var stage = java.util.Arrays.stream(IndicatorStage.values()).filter(s -> s.name().equals(raw.toString()))
          .findFirst();
      if (stage.isEmpty()) {
        errors.add("指標 " + code + ": 段階の値 \"" + raw + "\" は選択肢にありません");
        continue;
      }
      inputs.add(new ActualValueInput(code, stage.get().value(), stageSource));
    }
  }

  /** What an open form holds, leniently (rows the form would not show, or could not save, are left out). */
  public static Map<String, ActualValueInput> fromForm(List<Map<String, Object>> numbers,
      List<Map<String, Object>> stages, String stageSource) {
    var values = new LinkedHashMap<String, ActualValueInput>();
    for (var row : numbers) {
      if (row.get("indicatorCode") instanceof String code) {
        var value = row.get("actualValue") instanceof Number n ? new BigDecimal(n.toString()) : null;
        var source = row.get("actualSource") instanceof String text ? text : null;
        values.putIfAbsent(code, new ActualValueInput(code, value, source));
      }
    }
    for (var row : stages) {
      if (row.get("indicatorCode") instanceof String code) {
        var stage = java.util.Arrays.stream(IndicatorStage.values()).filter(s -> s.name().equals(row.get("stage")))
            .findFirst();
        values.putIfAbsent(code, new ActualValueInput(code, stage.map(IndicatorStage::value).orElse(null),
            stage.isPresent() ? stageSource : null));
      }
    }
    return values;
  }
}
