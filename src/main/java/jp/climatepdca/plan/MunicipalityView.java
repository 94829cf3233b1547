package jp.climatepdca.plan;

/** A municipality as other features see it. */
public record MunicipalityView(String code, String name, int baseYear, boolean liaisonMeeting) {}
