package jp.climatepdca.evaluation;

import java.util.List;
import java.util.Map;

/**
 * GET /api/indicators/{municipality}/{fiscalYear}: the indicators graded for that fiscal year's cycle, which
 * reviews the actual values of {@code reviewYear} and before; {@code gradeCounts} counts each grade.
 */
record IndicatorReport(String municipality, String municipalityName, int fiscalYear, int reviewYear,
    Map<IndicatorGrade, Long> gradeCounts, List<IndicatorGradeView> indicators) {}
