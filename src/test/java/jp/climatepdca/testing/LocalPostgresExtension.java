package jp.climatepdca.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A {@link LocalPostgres} for one test class at a time, registered as a static {@code @RegisterExtension}
 * field (of the class, or of a base class such as {@link ProdProfileOnPostgres}: each class gets its own server).
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
    context.getStore(ExtensionContext.Namespace.create(getClass())).put(LocalPostgres.class,
        (CloseableResource) () -> {
          // forgotten with the class: the subclasses of ProdProfileOnPostgres share this extension, and
          // each starts a server of its own (the next one would otherwise get the stopped server's address)
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

  public String jdbcUrl() {
    if (server == null) {
      throw new IllegalStateException("the PostgreSQL server starts before the test class; register this extension"
          + " on a static field");
    }
    return server.jdbcUrl(spec.database());
  }
}
