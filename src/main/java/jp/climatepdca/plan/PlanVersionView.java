package jp.climatepdca.plan;

import java.time.Instant;

/**
 * A plan version as GET /api/plans/{municipality}/versions lists it. {@code firstYear}/{@code lastYear} (the
 * plan period) are null when the file named none; {@code effectiveYear} null means from the beginning.
 */
public record PlanVersionView(int number, Integer firstYear, Integer lastYear, Integer effectiveYear,
    String reason, String reasonLabel, String loadedBy, Instant loadedAt) {}
