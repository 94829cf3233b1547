package jp.climatepdca.area;

import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PublishAreaReport (圏域の年次報告書の公表) of area-cycle.bpmn: freezes the area's annual report as the
 * year's next published version with its PDF and CSV, in the engine's transaction (a failed render fails the
 * step, which Cockpit shows, and nothing is published). Area and year from the business key only.
 */
@Component("publishAreaReportDelegate")
class PublishAreaReportDelegate implements JavaDelegate {

  private final AreaReportService reports;
  private final IdentityService identity;

  PublishAreaReportDelegate(AreaReportService reports, IdentityService identity) {
    this.reports = reports;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var area = CycleReference.of(execution);
    reports.publish(area.municipality(), area.fiscalYear(), AreaUsers.current(identity));
  }
}
