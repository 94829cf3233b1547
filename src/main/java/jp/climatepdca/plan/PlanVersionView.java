package jp.climatepdca.plan;

import java.time.Instant;

/**
 * A plan version as GET /api/plans/{municipality}/versions lists it. {@code firstYear}/{@code lastYear} (the
 * plan period) are null when the file named none; {@code effectiveYear} null means from the beginning.
 * {@code inForceFrom}/{@code inForceUntil}: the plan years it governs now that later versions exist (null: open
 * on that side), {@code inForceLabel} the same in words, or 「なし（…）」 when a later version took all of them.
 */
public record PlanVersionView(int number, Integer firstYear, Integer lastYear, Integer effectiveYear,
    String reason, String reasonLabel, String loadedBy, Instant loadedAt, Integer inForceFrom, Integer inForceUntil,
    String inForceLabel) {}
