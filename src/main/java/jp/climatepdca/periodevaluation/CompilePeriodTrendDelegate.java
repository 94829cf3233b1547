package jp.climatepdca.periodevaluation;

import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompilePeriodTrend (期間の推移のとりまとめ): compiles the trend and keeps it as a snapshot row. */
@Component("compilePeriodTrendDelegate")
class CompilePeriodTrendDelegate implements JavaDelegate {

  private final PeriodEvaluationStore store;
  private final PeriodTrends trends;

  CompilePeriodTrendDelegate(PeriodEvaluationStore store, PeriodTrends trends) {
    this.store = store;
    this.trends = trends;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var reference = CycleReference.of(execution);
    trends.compileAndKeep(store.get(reference.municipality(), reference.fiscalYear()));
  }
}
