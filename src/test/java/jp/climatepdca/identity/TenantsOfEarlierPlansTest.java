package jp.climatepdca.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A municipality whose plan was loaded before tenants existed (its groups without a tenant, as an installation
 * upgraded from the ninth session has them) gets its tenant, with its groups as members, at the next start.
 */
@AppTest
class TenantsOfEarlierPlansTest {

  private static final String CODE = "937102";

  @Autowired
  PlanImportService importer;

  @Autowired
  IdentityService identity;

  @Autowired
  GroupProvisioner provisioner;

  @Test
  void aMunicipalityWithoutItsTenantGetsItAtTheNextStart() {
    importer.importPlan(new ByteArrayInputStream("""
        {"municipality": {"code": "%s", "name": "まえの町", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [{"code": "M-01", "department": "kankyo", "name": "省エネ診断", "sector": "COMMERCIAL",
                       "kind": "IMPLEMENTATION"}]}
        """.formatted(CODE).getBytes(StandardCharsets.UTF_8)));
    identity.deleteTenant(CODE);
    assertThat(identity.createGroupQuery().memberOfTenant(CODE).count()).isZero();

    provisioner.tenantsOfPlansLoadedBefore();

    assertThat(identity.createTenantQuery().tenantId(CODE).singleResult().getName()).isEqualTo("まえの町");
    assertThat(identity.createGroupQuery().memberOfTenant(CODE).list()).extracting(g -> g.getId())
        .contains(GroupNames.secretariat(CODE), GroupNames.departmentStaff(CODE, "kankyo"),
            GroupNames.departmentHead(CODE, "kankyo"));
  }
}
