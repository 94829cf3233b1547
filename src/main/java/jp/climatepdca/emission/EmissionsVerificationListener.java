package jp.climatepdca.emission;

import static jp.climatepdca.emission.EmissionsSummary.percent;
import static jp.climatepdca.emission.EmissionsSummary.tonnes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_VerifyEmissions (排出量の確認): shows the current version's totals against the base year, the
 * previous year and the plan's target path; on complete records the secretariat's verdict on the version and routes the branch
 * (accepted → the check waits no longer; returned → data entry again, with the comment).
 */
@Component("emissionsVerificationListener")
class EmissionsVerificationListener implements TaskListener {

  private final InventoryReportService reports;
  private final InventoryVerification verification;
  private final EmissionsSummary summary;
  private final ReviewForm review;
  private final TaskVariables variables;

  EmissionsVerificationListener(InventoryReportService reports, InventoryVerification verification,
      EmissionsSummary summary, ReviewForm review, TaskVariables variables) {
    this.reports = reports;
    this.verification = verification;
    this.summary = summary;
    this.review = review;
    this.variables = variables;
  }

  @Override
  public void notify(DelegateTask task) {
    var municipality = CycleReference.of(task).municipality();
    var year = CycleReference.inventoryYear(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, reports.report(municipality, year));
      review.declare(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var errors = new ArrayList<String>();
      var outcome = review.read(task, errors);
      if (!errors.isEmpty()) {
        throw new TaskInputException(errors);
      }
      var accepted = outcome == ReviewOutcome.APPROVE;
      verification.verify(municipality, year, accepted, variables.text(task, ReviewForm.COMMENT).orElse(null));
      task.getExecution().setVariable(FiscalYearCycleProcess.EMISSIONS_ACCEPTED, accepted);
    }
  }

  private void show(DelegateTask task, InventoryReport report) {
    var version = report.version();
    variables.putText(task, "municipalityName", report.municipalityName());
    variables.putText(task, "versionLabel", "第" + version.version() + "版・" + version.reason());
    summary.show(task, report);
    var sectors = new ArrayList<Map<String, Object>>();
    var gases = new ArrayList<Map<String, Object>>();
    for (var s : report.sectors()) {
      sectors.add(Map.of("label", s.label(), "total", tonnes(s.total()), "baseYearTotal", tonnes(s.baseYearTotal()),
          "baseYearChange", percent(s.changeFromBaseYearPercent()), "previousYearTotal",
          tonnes(s.previousYearTotal())));
      s.byGas().forEach((gas, t) -> {
        var row = new LinkedHashMap<String, Object>();
        row.put("label", s.label());
        row.put("gas", gas.name());
        row.put("tCo2", tonnes(t));
        gases.add(row);
      });
    }
    variables.putRows(task, "sectors", sectors);
    variables.putRows(task, "gases", gases);
  }
}
