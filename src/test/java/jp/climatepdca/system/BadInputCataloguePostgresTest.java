package jp.climatepdca.system;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bad-input catalogue on a real PostgreSQL, as production stores it: the same cases, the same
 * demo users and plan, the same checks that nothing was stored and nothing was logged as an error.
 */
@ExtendWith(BadInputCataloguePostgresTest.KeepTheDefaultEngine.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class BadInputCataloguePostgresTest extends BadInputCatalogueTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "db-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  /**
   * /engine-rest finds its engine by the name "default" in Camunda's JVM-wide registry, so this context's
   * engine must have that name while the catalogue runs; closing it unregisters the name. The engine of
   * the other Spring tests' cached context (if one was started before) is registered again afterwards,
   * when the class's store is closed: after Spring has closed this context.
   */
  static final class KeepTheDefaultEngine implements TestInstancePreConstructCallback {

    /** Before the instance: this class's instance is made, and so its context started, before beforeAll. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
      var before = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
      context.getStore(ExtensionContext.Namespace.create(getClass())).put(getClass(),
          (ExtensionContext.Store.CloseableResource) () -> {
            if (before != null) {
              ProcessEngines.registerProcessEngine(before);
            }
          });
    }
  }
}
