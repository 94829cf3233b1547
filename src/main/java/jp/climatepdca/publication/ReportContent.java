package jp.climatepdca.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The frozen snapshot of an annual report, stored as JSON in annual_report.content. Everything public is
 * rendered from it alone, so its shape is its own (copied values, no references to live tables).
 * Public because the page templates read it. {@code layout} and {@code planName} came with the printed
 * report's cover (docs/guide.md, "The PDF"): left out of the JSON when null, so the report.json of a version
 * frozen before reads as it did.
 */
public record ReportContent(String municipality, String municipalityName, int fiscalYear, int reviewYear,
    int version, String summary, String changeNote, Instant preparedAt, Texts evaluation,
    List<MeasureEntry> measures, List<OpinionEntry> opinions, Emissions emissions, List<IndicatorEntry> indicators,
    List<Target> targets, List<PathPoint> targetPath, @JsonInclude(JsonInclude.Include.NON_NULL) Integer layout,
    @JsonInclude(JsonInclude.Include.NON_NULL) String planName,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriorOpinionEntry> priorOpinions,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<CitizenOpinionEntry> citizenOpinions) {

  /**
   * The printed report's layout: a snapshot frozen since the PDF has a cover, contents and charts says
   * {@value #BOOK}; one frozen before says nothing (null) and keeps printing as it was published.
   */
  public static final int BOOK = 2;

  /** A snapshot written before a part existed reads as having none of it. */
  public ReportContent {
    opinions = opinions == null ? List.of() : opinions;
    indicators = indicators == null ? List.of() : indicators;
    targets = targets == null ? List.of() : targets;
    targetPath = targetPath == null ? List.of() : targetPath;
    priorOpinions = priorOpinions == null ? List.of() : priorOpinions;
  }

  /** A snapshot in the shape before the book layout (tests and fixtures that build one by hand). */
  public ReportContent(String municipality, String municipalityName, int fiscalYear, int reviewYear, int version,
      String summary, String changeNote, Instant preparedAt, Texts evaluation, List<MeasureEntry> measures,
      List<OpinionEntry> opinions, Emissions emissions, List<IndicatorEntry> indicators, List<Target> targets,
      List<PathPoint> targetPath) {
    this(municipality, municipalityName, fiscalYear, reviewYear, version, summary, changeNote, preparedAt, evaluation,
        measures, opinions, emissions, indicators, targets, targetPath, null, null, null, null);
  }

  /**
   * A snapshot of the book layout frozen before last year's opinions and citizens' opinions were listed (and
   * fixtures): {@code citizenOpinions} null, so its pages, PDF, CSV and JSON stay as they were published (no
   * section, no key; docs/opinion-triage.md).
   */
  public ReportContent(String municipality, String municipalityName, int fiscalYear, int reviewYear, int version,
      String summary, String changeNote, Instant preparedAt, Texts evaluation, List<MeasureEntry> measures,
      List<OpinionEntry> opinions, Emissions emissions, List<IndicatorEntry> indicators, List<Target> targets,
      List<PathPoint> targetPath, Integer layout, String planName) {
    this(municipality, municipalityName, fiscalYear, reviewYear, version, summary, changeNote, preparedAt, evaluation,
        measures, opinions, emissions, indicators, targets, targetPath, layout, planName, null, null);
  }

  /** Whether this snapshot was frozen since citizens' opinions are reported: it then has the section, if empty. */
  public boolean reportsCitizenOpinions() {
    return citizenOpinions != null;
  }

  /** Whether this snapshot prints as a book: cover, table of contents, charts. */
  public boolean book() {
    return layout != null && layout >= BOOK;
  }

  /** The Check's texts: the secretariat's summary, headquarters' evaluation, the liaison meeting's minutes. */
  public record Texts(String secretariatSummary, String headquartersEvaluation, String liaisonMinutes) {}

  /** A measure of the reviewed year with the department's self-assessment. */
  public record MeasureEntry(String code, String name, String departmentName, String sectorLabel, String kindLabel,
      boolean keyProject, String progress, String progressLabel, String achievements, String issues,
      String nextSteps) {}

  /**
   * A citizen's or business's opinion the secretariat accepted (市民・事業者からの意見), with the town's response
   * and how many opinions were merged into it; never the sender's name or contact.
   */
  public record CitizenOpinionEntry(String reference, String senderKindLabel, String measureCode, String measureName,
      String body, String response, int merged) {}

  /** A committee opinion and the secretariat's response to it (対応方針). */
  public record OpinionEntry(String measureCode, String measureName, String opinion, String response) {}

  /**
   * A committee opinion on last year's report heard after it was published (seed 004's order) and this year's
   * response to it (publication.PriorOpinions). {@code committee} names the body that gave it (環境審議会); left
   * out of the JSON when a report has none, so the report.json of a version frozen before reads as it did.
   */
  public record PriorOpinionEntry(int fiscalYear, String committee, String measureCode, String measureName,
      String opinion, String response) {}

  /**
   * The inventory year's emissions by sector, against the base year, against the plan's target path in that
   * year ({@code pathTotal}, {@code gapPercent}: null without targets), and every year since the base year.
   */
  public record Emissions(int inventoryYear, int baseYear, BigDecimal total, BigDecimal baseYearTotal,
      BigDecimal changeFromBaseYearPercent, BigDecimal pathTotal, BigDecimal gapPercent, Boolean onTrack,
      List<SectorEntry> sectors, List<YearTotal> trend) {}

  /** A reduction target of the plan: {@code reductionPercent} below the base year by {@code year}. */
  public record Target(int year, BigDecimal reductionPercent, String label, BigDecimal total) {}

  public record SectorEntry(String code, String label, BigDecimal total, BigDecimal baseYearTotal,
      BigDecimal changeFromBaseYearPercent) {}

  /** One calculated year: total and t-CO2 by sector label. */
  public record YearTotal(int year, BigDecimal total, Map<String, BigDecimal> bySector) {}

  /** An indicator's grade as the report froze it. */
  /**
   * {@code kindLabel}, {@code targetsLabel}, {@code actualLabel}, {@code comparedLabel} and {@code staleNote}
   * came with indicator kinds (docs/indicators.md): a snapshot frozen before has them null, and the report
   * then shows what it showed before.
   */
  public record IndicatorEntry(String code, String name, String measureCode, String unit, String direction,
      int baseYear, BigDecimal baseValue, Integer targetYear, BigDecimal targetValue, Integer actualYear,
      BigDecimal actualValue, BigDecimal pathValue, String grade, String gradeLabel, String kindLabel,
      String targetsLabel, String actualLabel, String comparedLabel, String staleNote) {

    private static final String PATH_LABEL = "目標値に向けた推移";

    /** Whether this entry is one the report showed before kinds existed: a path to one target. */
    public boolean plainPath() {
      return kindLabel == null || PATH_LABEL.equals(kindLabel) && targetsLabel != null && !targetsLabel.contains(" / ");
    }

    /** 基準値 as the report shows it: "1500（2022年度）", "―" without a base value. */
    public String baseText() {
      return baseValue == null ? "―" : baseValue + "（" + baseYear + "年度）";
    }

    /** 目標値: "1200（2030年度）" for a path to one target, else every target ("2025年度 30 / 2030年度 60"). */
    public String targetText() {
      if (plainPath()) {
        return targetValue == null ? "―" : targetValue + "（" + targetYear + "年度）";
      }
      return targetsLabel;
    }

    /** 実績値: the number (a stage by its name) and its year. */
    public String actualText() {
      if (actualValue == null) {
        return "―";
      }
      return (plainPath() || actualLabel == null ? actualValue.toString() : actualLabel) + "（" + actualYear + "年度）";
    }

    /** What the grade compared with and the data-age warning, for kinds other than a plain path; "" when none. */
    public String gradeNote() {
      var parts = new java.util.ArrayList<String>();
      if (!plainPath() && comparedLabel != null) {
        parts.add(comparedLabel);
      }
      if (staleNote != null) {
        parts.add(staleNote);
      }
      return String.join("　", parts);
    }
  }

  /** A point of the emission target path (t-CO2 the plan aims at in that year). */
  public record PathPoint(int year, BigDecimal value) {}

  /** Measures per progress label, in the order of the grades. */
  public Map<String, Long> progressCounts() {
    var counts = new java.util.LinkedHashMap<String, Long>();
    for (var label : List.of("完了", "順調", "概ね順調", "遅れ", "未着手")) {
      counts.put(label, measures.stream().filter(m -> label.equals(m.progressLabel())).count());
    }
    return counts;
  }
}
