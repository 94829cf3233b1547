package jp.climatepdca.emission;

import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CalculateEmissions (排出量の算定): a new version of the cycle's inventory year from the newest
 * activity data. Runs in the transaction of the completed data entry, so a failure undoes that too.
 */
@Component("calculateEmissionsDelegate")
class CalculateEmissionsDelegate implements JavaDelegate {

  private final EmissionCalculator calculator;
  private final IdentityService identity;

  CalculateEmissionsDelegate(EmissionCalculator calculator, IdentityService identity) {
    this.calculator = calculator;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var auth = identity.getCurrentAuthentication();
    var user = auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
    calculator.calculateLatest(CycleReference.of(execution).municipality(), CycleReference.inventoryYear(execution),
        user);
  }
}
