package jp.climatepdca.publication;

import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the publication path on its own, for a correction (訂正) of a published report: the same three
 * steps as after the committee, ending in a new version that says what changed. The first publication of
 * a year is always called by its fiscal-year cycle.
 */
@Service
public class PublicationStarter {

  private final AnnualReportService reports;
  private final CycleSchedule schedule;
  private final RuntimeService runtime;

  PublicationStarter(AnnualReportService reports, CycleSchedule schedule, RuntimeService runtime) {
    this.reports = reports;
    this.schedule = schedule;
    this.runtime = runtime;
  }

  @Transactional
  public String startCorrection(String municipality, int fiscalYear) {
    var published = reports.latestPublishedContent(municipality, fiscalYear).orElseThrow(() -> new NotFoundException(
        fiscalYear + "年度の年次報告書（" + municipality + "）は公表されていません。訂正できるのは公表済みの報告書だけです"));
    var businessKey = new CycleReference(municipality, fiscalYear).businessKey()
        + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
    if (runtime.createProcessInstanceQuery().processDefinitionKey(AnnualReportPublicationProcess.KEY)
        .processInstanceBusinessKey(businessKey).count() > 0) {
      throw new ConflictException(fiscalYear + "年度の年次報告書は作成・公表の途中です（" + businessKey + "）");
    }
    var inventoryYear = published.emissions() != null ? published.emissions().inventoryYear()
        : schedule.inventoryYear(fiscalYear);
    return runtime.createProcessInstanceByKey(AnnualReportPublicationProcess.KEY).businessKey(businessKey)
        .setVariable(CycleReference.MUNICIPALITY, municipality)
        .setVariable(CycleReference.FISCAL_YEAR, fiscalYear)
        .setVariable(CycleReference.REVIEW_YEAR, published.reviewYear())
        .setVariable(CycleReference.INVENTORY_YEAR, inventoryYear)
        .execute().getId();
  }
}
