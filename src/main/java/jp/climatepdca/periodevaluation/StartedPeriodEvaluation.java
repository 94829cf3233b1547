package jp.climatepdca.periodevaluation;

/** What POST /api/plans/{municipality}/period-evaluations answers. */
public record StartedPeriodEvaluation(String processInstanceId, String businessKey, String municipality,
    int fiscalYear, String kind, String kindLabel, int firstYear, int lastYear) {}
