package jp.climatepdca.periodevaluation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.climatepdca.plan.PlanVersionService;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.UserInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CreatePlanVersion (計画の新しい版の登録): records the approved draft as the plan's next version
 * through {@link PlanVersionService#createVersion}. It runs in the transaction of headquarters' approval:
 * should the draft no longer be acceptable (a year closed since it was checked), the approval is refused
 * with the reason and nothing is recorded.
 */
@Component("createPlanVersionDelegate")
class CreatePlanVersionDelegate implements JavaDelegate {

  private final PeriodEvaluationStore store;
  private final PlanVersionService versions;
  private final IdentityService identity;

  CreatePlanVersionDelegate(PeriodEvaluationStore store, PlanVersionService versions, IdentityService identity) {
    this.store = store;
    this.versions = versions;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var reference = CycleReference.of(execution);
    var row = store.get(reference.municipality(), reference.fiscalYear());
    var auth = identity.getCurrentAuthentication();
    var user = auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
    try {
      var version = versions.createVersion(row.municipality(),
          new ByteArrayInputStream(row.revisedDocument().getBytes(StandardCharsets.UTF_8)), user);
      store.finish(row.id(), version.number());
    } catch (UserInputException e) {
      throw new TaskInputException(e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors());
    } catch (ConflictException e) {
      throw new TaskInputException(List.of(e.getMessage()));
    }
  }
}
