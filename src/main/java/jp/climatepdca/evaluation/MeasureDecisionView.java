package jp.climatepdca.evaluation;

import java.time.Instant;

/** An Action decision as other features read it. */
public record MeasureDecisionView(int fiscalYear, String measureCode, ActionDecision decision, String note,
    String decidedBy, Instant decidedAt) {}
