package jp.climatepdca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;

/** The July branch of a cycle as the secretariat works it in Tasklist: enter activity data, accept the result. */
public final class SecretariatEmissions {

  /** 1,000,000 kWh at the demo catalogue's 0.000441 t-CO2/kWh: 441 t-CO2. */
  public static final String CSV = "部門,小部門,燃料,活動量,単位,出典\n業務その他,事務所,ELECTRICITY,1000000,kWh,電力会社の販売実績\n";

  private SecretariatEmissions() {}

  public static void enterAndAccept(TasklistClient secretariat, String cycle) {
    var entry = secretariat.claim(cycle, FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA);
    secretariat.complete(entry, Map.of("csv", CSV, "reason", "初回算定"));
    var verification = secretariat.claim(cycle, FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS);
    assertThat(secretariat.form(verification).get("total").asText()).isEqualTo("441");
    secretariat.complete(verification, Map.of("decision", "APPROVE", "comment", ""));
  }
}
