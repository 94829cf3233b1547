package jp.climatepdca.periodevaluation;

import java.time.Instant;

/** A row of plan_period_evaluation (V17). */
record PeriodEvaluationRow(long id, String municipality, int fiscalYear, EvaluationKind kind, int firstYear,
    int lastYear, String processInstanceId, String startedBy, Instant startedAt, String secretariatNote,
    String headquartersEvaluation, String committeeOpinions, String outcome, String outcomeReason,
    String revisedDocument, String returnComment, Integer versionNumber, Instant finishedAt) {}
