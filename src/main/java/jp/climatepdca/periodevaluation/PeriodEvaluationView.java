package jp.climatepdca.periodevaluation;

import java.time.Instant;

/**
 * GET /api/plans/{municipality}/period-evaluations/{fiscalYear}: where the evaluation is ({@code phase}),
 * the trend as last compiled (what headquarters evaluated, once it did), the bodies' texts (the committee's
 * opinions on the period and, for a revision, on its draft), the outcome and the plan version a revision produced.
 */
record PeriodEvaluationView(String municipality, int fiscalYear, String kind, String kindLabel, int firstYear,
    int lastYear, String businessKey, String processInstanceId, String startedBy, Instant startedAt, String phase,
    String phaseLabel, PeriodTrend trend, int trendCompilations, String secretariatNote, String headquartersEvaluation,
    String committeeOpinions, String revisionOpinions, String outcome, String outcomeLabel, String outcomeReason, Integer versionProduced,
    Integer effectiveYear, Instant finishedAt) {}
