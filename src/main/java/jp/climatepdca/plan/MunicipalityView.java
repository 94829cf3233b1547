package jp.climatepdca.plan;

import java.math.BigDecimal;

/**
 * A municipality as other features see it. {@code baseEmissions} is the base year's t-CO2 when the plan
 * states it, else null (the base year's calculated inventory is used).
 */
public record MunicipalityView(String code, String name, int baseYear, boolean liaisonMeeting,
    BigDecimal baseEmissions) {}
