package jp.climatepdca.evaluation;

import java.time.Instant;

/**
 * A committee opinion as other features read it; {@code measureCode} is null for the plan as a whole.
 * {@code id} lets the annual report attach the secretariat's response (対応方針) to this opinion.
 */
public record OpinionView(long id, String measureCode, String opinion, String recordedBy, Instant recordedAt) {}
