package jp.climatepdca.cycle;

/** The answer to a cycle start. */
public record StartedCycle(String processInstanceId, String businessKey, String municipality, int fiscalYear) {}
