package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.time.Instant;

/** One year's actual value of an indicator, with where it came from and who entered it. */
public record ActualValueView(String indicatorCode, int valueYear, BigDecimal value, String source,
    String enteredBy, Instant enteredAt) {}
