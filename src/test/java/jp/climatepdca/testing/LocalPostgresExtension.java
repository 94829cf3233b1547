package jp.climatepdca.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * A {@link LocalPostgres} for one test class, registered as a static {@code @RegisterExtension} field.
 * The server is closed with the class's extension context, that is after every afterAll callback:
 * with {@code @DirtiesContext} Spring closes the engine first, so its job executor never polls a
 * stopped database. A class with {@code @TestInstance(PER_CLASS)} makes its instance, and so Spring its
 * context, before any beforeAll callback: the server starts then, before the instance is made.
 */
public final class LocalPostgresExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

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
      return;
    }
    server = LocalPostgres.start(spec);
    var started = server;
    context.getStore(ExtensionContext.Namespace.create(getClass())).put(LocalPostgres.class,
        (CloseableResource) started::close);
  }

  public String jdbcUrl() {
    if (server == null) {
      throw new IllegalStateException("the PostgreSQL server starts before the test class; register this extension"
          + " on a static field");
    }
    return server.jdbcUrl(spec.database());
  }
}
