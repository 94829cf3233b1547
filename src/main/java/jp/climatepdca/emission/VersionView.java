package jp.climatepdca.emission;

import java.time.Instant;

/** A version of an inventory year: which calculation, why, and whether the secretariat accepted it. */
public record VersionView(int version, boolean current, String reason, String status, String reviewComment,
    String createdBy, Instant createdAt) {}
