package jp.climatepdca.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A {@link LocalPostgres} for one test class, registered as a static {@code @RegisterExtension} field.
 * The server is closed with the class's extension context, that is after every afterAll callback:
 * with {@code @DirtiesContext} Spring closes the engine first, so its job executor never polls a
 * stopped database. A class with {@code @TestInstance(PER_CLASS)} builds its instance (and Spring its
 * context) before any beforeAll callback: there the server starts before the instance is constructed.
 */
public final class LocalPostgresExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

  /** The administrator the prod profile creates from ADMIN_USER and ADMIN_PASSWORD in {@link #prodEnvironment}. */
  public static final String ADMIN_USER = "kanri";
  public static final String ADMIN_PASSWORD = "admin-secret";

  private final LocalPostgres.Spec spec;
  private LocalPostgres server;

  public LocalPostgresExtension(LocalPostgres.Spec spec) {
    this.spec = spec;
  }

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context)
      throws Exception {
    beforeAll(context);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (server != null) {
      return; // started before the test instance was constructed
    }
    server = LocalPostgres.start(spec);
    var started = server;
    // forgotten when closed: a base class's static extension serves each of its subclasses in turn
    context.getStore(ExtensionContext.Namespace.create(getClass())).put(LocalPostgres.class,
        (CloseableResource) () -> {
          server = null;
          started.close();
        });
  }

  /**
   * The environment docker/compose.yaml gives the prod profile, for this server, and a process engine name
   * of the test's own: Camunda keeps engines in a JVM-wide registry by name, and closing this context must
   * not unregister the "default" engine that the other Spring tests' /engine-rest still looks up.
   */
  public void prodEnvironment(DynamicPropertyRegistry registry, String engineName) {
    registry.add("DB_URL", this::jdbcUrl);
    registry.add("DB_USER", spec::user);
    registry.add("DB_PASSWORD", spec::password);
    registry.add("ADMIN_USER", () -> ADMIN_USER);
    registry.add("ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    registry.add("camunda.bpm.process-engine-name", () -> engineName);
  }

  /** Spring's datasource on this server, for a test of the default and demo profiles on PostgreSQL. */
  public void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", this::jdbcUrl);
    registry.add("spring.datasource.username", spec::user);
    registry.add("spring.datasource.password", spec::password);
  }

  public String jdbcUrl() {
    if (server == null) {
      throw new IllegalStateException("the PostgreSQL server starts before the test class; register this extension"
          + " on a static field");
    }
    return server.jdbcUrl(spec.database());
  }
}
