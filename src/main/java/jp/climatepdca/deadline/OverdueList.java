package jp.climatepdca.deadline;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer of the overdue API: the cycle's overdue tasks, most overdue first, as of {@code asOf}. */
record OverdueList(String municipality, String municipalityName, int fiscalYear, OffsetDateTime asOf, int count,
    String summary, List<OverdueTask> tasks) {}
