package jp.climatepdca.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import jp.climatepdca.plan.PlanVersionDiff.Changed;
import jp.climatepdca.plan.PlanVersionDiff.FieldChange;
import jp.climatepdca.plan.PlanVersionDiff.Item;
import jp.climatepdca.plan.PlanVersionDiff.Part;
import jp.climatepdca.plan.PlanVersionDiff.Replaced;
import jp.climatepdca.plan.PlanVersionDiff.Retired;

/**
 * Compares two versions' definitions entry by entry. Fields are compared as the plan file writes them, so
 * a field the plan file gains later is compared without changing this class.
 */
final class PlanVersionDiffer {

  private static final Set<String> NOT_COMPARED = Set.of("code", "retiredFrom", "replaces");

  private final ObjectMapper json;

  PlanVersionDiffer(ObjectMapper json) {
    this.json = json;
  }

  Part measures(PlanDocument a, PlanDocument b) {
    return part(PlanDefinitions.measures(a), PlanDefinitions.measures(b), PlanDocument.MeasureEntry::code,
        PlanDocument.MeasureEntry::name, PlanDocument.MeasureEntry::retiredFrom, PlanDocument.MeasureEntry::replaces,
        this::canonical, this::canonical);
  }

  /**
   * An indicator retired with its measure is listed as retired too, from the measure's year (null when the
   * measure was replaced: from the version's effective year).
   */
  Part indicators(PlanDocument a, PlanDocument b) {
    var before = retirements(a);
    var after = retirements(b);
    var part = part(PlanDefinitions.indicators(a), PlanDefinitions.indicators(b), PlanDocument.IndicatorEntry::code,
        PlanDocument.IndicatorEntry::name, PlanDocument.IndicatorEntry::retiredFrom,
        PlanDocument.IndicatorEntry::replaces, e -> canonical(a, e), e -> canonical(b, e));
    var retired = new ArrayList<Retired>();
    PlanDefinitions.indicators(b).forEach(i -> {
      var now = after.get(i.code());
      if (now != null && !now.equals(before.get(i.code()))) {
        retired.add(new Retired(i.code(), i.name(), now.orElse(null)));
      }
    });
    return new Part(part.added(), part.changed(), retired, part.replaced());
  }

  /** Each retired indicator's year, its own or its measure's; empty for a replaced measure's. */
  private static Map<String, java.util.Optional<Integer>> retirements(PlanDocument doc) {
    var measures = byKey(PlanDefinitions.measures(doc), PlanDocument.MeasureEntry::code);
    var replaced = new java.util.HashSet<String>();
    measures.values().forEach(m -> replaced.add(m.replaces()));
    var years = new LinkedHashMap<String, java.util.Optional<Integer>>();
    for (var i : PlanDefinitions.indicators(doc)) {
      var m = i.measure() == null ? null : measures.get(i.measure());
      if (i.retiredFrom() != null) {
        years.put(i.code(), java.util.Optional.of(i.retiredFrom()));
      } else if (m != null && m.retiredFrom() != null) {
        years.put(i.code(), java.util.Optional.of(m.retiredFrom()));
      } else if (m != null && replaced.contains(m.code())) {
        years.put(i.code(), java.util.Optional.empty());
      }
    }
    return years;
  }

  /** Reduction targets by year: a year the later version lacks is listed as retired. */
  Part targets(PlanDocument a, PlanDocument b) {
    var before = byKey(a.emissionTargets() == null ? List.of() : a.emissionTargets(), t -> String.valueOf(t.year()));
    var after = byKey(b.emissionTargets() == null ? List.of() : b.emissionTargets(), t -> String.valueOf(t.year()));
    var added = new ArrayList<Item>();
    var changed = new ArrayList<Changed>();
    var retired = new ArrayList<Retired>();
    after.forEach((year, t) -> {
      var old = before.get(year);
      if (old == null) {
        added.add(new Item(year, t.label()));
      } else {
        var changes = changes(json.convertValue(old, MAP), json.convertValue(t, MAP));
        if (!changes.isEmpty()) {
          changed.add(new Changed(year, t.label(), changes));
        }
      }
    });
    before.forEach((year, t) -> {
      if (!after.containsKey(year)) {
        retired.add(new Retired(year, t.label(), null));
      }
    });
    return new Part(added, changed, retired, List.of());
  }

  private <E> Part part(List<E> a, List<E> b, Function<E, String> code, Function<E, String> name,
      Function<E, Integer> retiredFrom, Function<E, String> replaces, Function<E, Map<String, Object>> compareBefore,
      Function<E, Map<String, Object>> compareAfter) {
    var before = byKey(a, code);
    var after = byKey(b, code);
    var added = new ArrayList<Item>();
    var changed = new ArrayList<Changed>();
    var retired = new ArrayList<Retired>();
    var replaced = new ArrayList<Replaced>();
    after.forEach((c, e) -> {
      var old = before.get(c);
      if (old == null) {
        added.add(new Item(c, name.apply(e)));
      } else {
        var changes = changes(compareBefore.apply(old), compareAfter.apply(e));
        if (!changes.isEmpty()) {
          changed.add(new Changed(c, name.apply(e), changes));
        }
      }
      if (retiredFrom.apply(e) != null && (old == null || !Objects.equals(retiredFrom.apply(old), retiredFrom.apply(e)))) {
        retired.add(new Retired(c, name.apply(e), retiredFrom.apply(e)));
      }
      var successorOf = replaces.apply(e);
      if (successorOf != null && (old == null || !successorOf.equals(replaces.apply(old)))) {
        var predecessor = after.containsKey(successorOf) ? after.get(successorOf) : before.get(successorOf);
        replaced.add(new Replaced(successorOf, predecessor == null ? null : name.apply(predecessor), c, name.apply(e)));
      }
    });
    return new Part(added, changed, retired, replaced);
  }

  /**
   * A measure as the plan means it: 家庭 and HOUSEHOLD are one sector, so a file written in Japanese words
   * compared with one in codes (or with a version built from the tables) changes nothing. Coded fields are
   * compared and shown by their Japanese names (家庭部門 → 産業部門), which the committee reads.
   */
  private Map<String, Object> canonical(PlanDocument.MeasureEntry e) {
    Map<String, Object> fields = json.convertValue(e, MAP);
    PlanLabels.parse(Sector.class, e.sector()).ifPresent(sector -> fields.put("sector", sector.label()));
    PlanLabels.parse(MeasureKind.class, e.kind()).ifPresent(kind -> fields.put("kind", kind.label()));
    return fields;
  }

  /**
   * An indicator as it is graded ({@link PlanDefinitions#indicatorView}): kind, direction and source by their
   * Japanese names, with their defaults, the base year the municipality's when left out, the department its measure's, and
   * the targets whether written as {@code targets} or {@code targetYear}/{@code targetValue}: one numeric
   * target stays the two fields people know, several (or stages) are compared as one list.
   */
  private Map<String, Object> canonical(PlanDocument doc, PlanDocument.IndicatorEntry e) {
    Map<String, Object> fields = json.convertValue(e, MAP);
    var view = PlanDefinitions.indicatorView(doc, e);
    fields.put("kind", view.kind().label());
    fields.put("direction", view.direction() == null ? null : view.direction().label());
    fields.put("source", view.source().label());
    fields.put("baseYear", view.baseYear());
    fields.put("department", view.departmentCode());
    fields.remove("targets");
    fields.remove("targetYear");
    fields.remove("targetValue");
    if (view.targets().size() == 1 && view.kind() != IndicatorKind.STAGES) {
      fields.put("targetYear", view.targets().get(0).year());
      fields.put("targetValue", view.targets().get(0).value());
    } else if (!view.targets().isEmpty()) {
      fields.put("targets", view.targetsLabel());
    }
    return fields;
  }

  private List<FieldChange> changes(Map<String, Object> a, Map<String, Object> b) {
    var fields = new java.util.LinkedHashSet<>(a.keySet());
    fields.addAll(b.keySet());
    var changes = new ArrayList<FieldChange>();
    for (var field : fields) {
      if (!NOT_COMPARED.contains(field) && !same(a.get(field), b.get(field))) {
        changes.add(new FieldChange(field, text(a.get(field)), text(b.get(field))));
      }
    }
    return changes;
  }

  /** 46 and 46.0 are the same target; a missing flag is the same as false. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a == null && Boolean.FALSE.equals(b) || b == null && Boolean.FALSE.equals(a)) {
      return true;
    }
    return Objects.equals(a, b);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }

  private static <E> Map<String, E> byKey(List<E> entries, Function<E, String> key) {
    var map = new LinkedHashMap<String, E>();
    entries.forEach(e -> map.put(key.apply(e), e));
    return map;
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
}
