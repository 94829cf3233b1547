package jp.climatepdca.area;

import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CompileArea (圏域の取りまとめ) of area-cycle.bpmn: compiles the year and stores it, in the engine's
 * transaction. The area and the year come from the business key {@code <area>:<fiscalYear>} only.
 */
@Component("compileAreaDelegate")
class CompileAreaDelegate implements JavaDelegate {

  private final AreaCompilationService compilations;
  private final IdentityService identity;

  CompileAreaDelegate(AreaCompilationService compilations, IdentityService identity) {
    this.compilations = compilations;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var area = CycleReference.of(execution);
    compilations.compile(area.municipality(), area.fiscalYear(), AreaUsers.current(identity));
  }
}
