package jp.climatepdca.evaluation;

import java.time.Instant;

/** A committee opinion as other features read it; {@code measureCode} is null for the plan as a whole. */
public record OpinionView(String measureCode, String opinion, String recordedBy, Instant recordedAt) {}
