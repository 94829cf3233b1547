package jp.climatepdca.testing;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The prod profile as docker/compose.yaml runs it, on a real PostgreSQL of the test class's own: only
 * the environment variables the compose file sets (the database, the administrator). A test class
 * extends this and adds its own {@code @SpringBootTest}; every test on the prod profile does, rather than
 * wiring {@link LocalPostgresExtension#prodEnvironment} itself. The context is closed after each class,
 * so they share the engine's name.
 */
@ActiveProfiles("prod")
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
public abstract class ProdProfileOnPostgres {

  protected static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "db-secret");
  protected static final String ADMIN = LocalPostgresExtension.ADMIN_USER;
  protected static final String ADMIN_PASSWORD = LocalPostgresExtension.ADMIN_PASSWORD;
  /** The process engine's name, as Tasklist's addresses name it. */
  protected static final String ENGINE = "prodProfileTest";

  @RegisterExtension
  protected static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void composeEnvironment(DynamicPropertyRegistry registry) {
    postgres.prodEnvironment(registry, ENGINE);
  }
}
