package jp.climatepdca.cycle;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a town's cycle of a year was started and whether it still runs, for features outside the cycle
 * (the public opinion form's window): from our table and the engine, never from anything a caller sends.
 */
@Component
public class StartedCycles {

  private final FiscalYearCycleRepository cycles;
  private final RuntimeService runtime;

  StartedCycles(FiscalYearCycleRepository cycles, RuntimeService runtime) {
    this.cycles = cycles;
    this.runtime = runtime;
  }

  /** Empty when no cycle of the year was started; else whether its process instance still runs. */
  @Transactional(readOnly = true)
  public Optional<Boolean> running(String municipality, int fiscalYear) {
    return cycles.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear)
        .map(c -> runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() > 0);
  }
}
