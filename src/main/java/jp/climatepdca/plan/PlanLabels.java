package jp.climatepdca.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The words a plan file may use for a coded field: the code (HOUSEHOLD) or the Japanese label people see in
 * the forms and the plan itself (家庭部門, or 家庭 without 部門). The import stores the code.
 */
final class PlanLabels {

  private static final Map<Class<?>, Function<Object, List<String>>> WORDS = Map.of(
      Sector.class, e -> short_(((Sector) e).label()),
      MeasureKind.class, e -> List.of(((MeasureKind) e).label()),
      IndicatorDirection.class, e -> List.of(((IndicatorDirection) e).label()),
      IndicatorKind.class, e -> withAliases(((IndicatorKind) e).label(), ((IndicatorKind) e).aliases()),
      IndicatorStage.class, e -> List.of(((IndicatorStage) e).label()),
      IndicatorSource.class, e -> List.of(((IndicatorSource) e).label()),
      PlanGovernance.CommitteeKind.class, e -> List.of(((PlanGovernance.CommitteeKind) e).label()),
      PlanGovernance.ReviewOrder.class, e -> List.of(((PlanGovernance.ReviewOrder) e).label()));

  private PlanLabels() {}

  /** The constant a code or label names; empty for a blank or unknown word. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    var word = value.strip();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(word) || words(e).contains(word)).findFirst();
  }

  /** The same as {@link #parse} for a value the validator has accepted. */
  static <E extends Enum<E>> E of(Class<E> type, String value) {
    return parse(type, value).orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + ": " + value));
  }

  /** HOUSEHOLD（家庭部門）, …: what an error message offers. */
  static <E extends Enum<E>> String choices(Class<E> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants())
        .map(e -> words(e).isEmpty() ? e.name() : e.name() + "（" + words(e).get(0) + "）").toList());
  }

  private static List<String> words(Enum<?> e) {
    var words = WORDS.get(e.getDeclaringClass());
    return words == null ? List.of() : words.apply(e);
  }

  /** 家庭部門 is also written 家庭, 廃棄物分野 also 廃棄物. */
  private static List<String> short_(String label) {
    var stripped = label.replaceAll("(部門|分野)$", "");
    return stripped.equals(label) ? List.of(label) : List.of(label, stripped);
  }

  private static List<String> withAliases(String label, List<String> aliases) {
    var all = new ArrayList<String>();
    all.add(label);
    all.addAll(aliases);
    return all;
  }
}
