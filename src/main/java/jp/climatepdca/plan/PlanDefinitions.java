package jp.climatepdca.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The plan's definitions as they were in force in a given plan year (the year whose activities a cycle
 * reviews): the document of the version with the highest number among those effective by that year (the
 * first version before any is). Stored versions never change, so each document is read from JSON once.
 */
@Component
class PlanDefinitions {

  private final PlanVersionRepository versions;
  private final ObjectMapper json;
  private final Map<Long, PlanDocument> documents = new ConcurrentHashMap<>();

  PlanDefinitions(PlanVersionRepository versions, ObjectMapper mapper) {
    this.versions = versions;
    // documents written by an older release may lack or (after a rollback) carry fields: read them leniently
    this.json = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  /** Empty for a municipality loaded before plan versions existed and not loaded since. */
  Optional<PlanDocument> inForce(String municipality, int planYear) {
    var all = versions.keys(municipality);
    return versionInForce(all, planYear).map(v -> definitions(all, v.number()));
  }

  /**
   * What version {@code number} defines: its file, plus what earlier versions defined that the file leaves
   * out (see {@link #carryOver}). {@code all} in number order.
   */
  PlanDocument definitions(List<PlanVersionKey> all, int number) {
    PlanDocument carried = null;
    for (var v : all) {
      if (v.number() > number) {
        break;
      }
      var previous = carried;
      carried = documents.computeIfAbsent(v.id(), id -> carryOver(read(versions.document(id)), previous));
    }
    return carried;
  }

  static Optional<PlanVersionKey> versionInForce(List<PlanVersionKey> all, int planYear) {
    return all.stream().filter(v -> v.effectiveBy(planYear)).max(Comparator.comparingInt(PlanVersionKey::number))
        .or(() -> all.stream().min(Comparator.comparingInt(PlanVersionKey::number)));
  }

  PlanDocument read(String document) {
    try {
      return json.readValue(document, PlanDocument.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("保存された計画の版を読めません", e);
    }
  }

  /** The normalized form a version stores: the same document always gives the same text. */
  String write(PlanDocument doc) {
    try {
      return json.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<PlanDocument.MeasureEntry> measures(PlanDocument doc) {
    return doc.measures() == null ? List.of() : doc.measures();
  }

  static List<PlanDocument.IndicatorEntry> indicators(PlanDocument doc) {
    return doc.indicators() == null ? List.of() : doc.indicators();
  }

  /** Measures of the version not retired by {@code planYear} and replaced by none of its measures. */
  static List<PlanDocument.MeasureEntry> activeMeasures(PlanDocument doc, int planYear) {
    var replaced = measures(doc).stream().map(PlanDocument.MeasureEntry::replaces).collect(Collectors.toSet());
    return measures(doc).stream()
        .filter(m -> !replaced.contains(m.code()) && (m.retiredFrom() == null || planYear < m.retiredFrom()))
        .toList();
  }

  /** Indicators in force in {@code planYear}: neither retired nor replaced, nor of a measure that is. */
  static List<IndicatorView> activeIndicators(PlanDocument doc, int planYear) {
    var measuresInForce = activeMeasures(doc, planYear).stream().map(PlanDocument.MeasureEntry::code)
        .collect(Collectors.toSet());
    var replaced = indicators(doc).stream().map(PlanDocument.IndicatorEntry::replaces).collect(Collectors.toSet());
    return indicators(doc).stream()
        .filter(i -> !replaced.contains(i.code()) && (i.retiredFrom() == null || planYear < i.retiredFrom()))
        .filter(i -> i.measure() == null || measuresInForce.contains(i.measure()))
        .map(i -> indicatorView(doc, i)).sorted(Comparator.comparing(IndicatorView::code)).toList();
  }

  /** One indicator entry as the rest of the application sees it; the import writes the same into its table. */
  static IndicatorView indicatorView(PlanDocument doc, PlanDocument.IndicatorEntry e) {
    var owner = e.department() != null ? e.department()
        : e.measure() == null ? null
        : measures(doc).stream().filter(x -> x.code().equals(e.measure())).findFirst().orElseThrow().department();
    int planBaseYear = doc.municipality().baseYear() == null ? 2013 : doc.municipality().baseYear();
    return IndicatorDefinitions.view(e, owner, planBaseYear);
  }

  /**
   * The loaded file with what the version before it had and the file does not name: a measure or indicator
   * left out of a file stays as it was (as loading did before versions), so only {@code retiredFrom} or
   * {@code replaces} takes one out of the plan, and its history keeps its name.
   */
  static PlanDocument carryOver(PlanDocument file, PlanDocument previous) {
    if (previous == null) {
      return file;
    }
    var departments = Stream.concat(file.departments().stream(), previous.departments().stream()
        .filter(d -> file.departments().stream().noneMatch(f -> f.code().equals(d.code())))).toList();
    Set<String> measureCodes = new HashSet<>(measures(file).stream().map(PlanDocument.MeasureEntry::code).toList());
    var measures = Stream.concat(measures(file).stream(), measures(previous).stream()
        .filter(m -> !measureCodes.contains(m.code()))).toList();
    Set<String> indicatorCodes = new HashSet<>(indicators(file).stream().map(PlanDocument.IndicatorEntry::code).toList());
    var indicators = Stream.concat(indicators(file).stream(), indicators(previous).stream()
        .filter(i -> !indicatorCodes.contains(i.code()))).toList();
    return new PlanDocument(file.municipality(), departments, measures, indicators, file.emissionTargets(), file.plan(),
        file.governance());
  }
}
