package jp.climatepdca.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The references every process of a cycle carries: which municipality, which fiscal year, and which
 * year's measures it reviews. Business data is looked up by these, never copied into variables.
 */
public record CycleReference(String municipality, int fiscalYear) {

  public static final String MUNICIPALITY = "municipality";
  public static final String FISCAL_YEAR = "fiscalYear";
  public static final String REVIEW_YEAR = "reviewYear";
  /** The emissions inventory year the cycle reports (usually two years before). */
  public static final String INVENTORY_YEAR = "inventoryYear";

  /** The cycle's business key, readable in Cockpit: {@code 999999:2026}. */
  public String businessKey() {
    return municipality + ":" + fiscalYear;
  }

  public static CycleReference of(VariableScope scope) {
    return new CycleReference((String) scope.getVariable(MUNICIPALITY),
        ((Number) scope.getVariable(FISCAL_YEAR)).intValue());
  }

  public static int reviewYear(VariableScope scope) {
    return ((Number) scope.getVariable(REVIEW_YEAR)).intValue();
  }

  public static int inventoryYear(VariableScope scope) {
    return ((Number) scope.getVariable(INVENTORY_YEAR)).intValue();
  }
}
