package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * The numbers the tuning's index and statistics are written with, against the engine's constants; what
 * they do to the plans is asked of a real PostgreSQL in PostgresTaskQueriesTest.
 */
class PostgresTaskQueryTuningTest {

  @Test
  void theEnginesNumbersAreTheOnesTheSqlIsWrittenWith() {
    // the bean checks the engine's own constants when it is made
    assertThatNoException().isThrownBy(() -> new PostgresTaskQueryTuning(null, null, null));
  }

  /** An engine that numbered READ otherwise would leave the statistics on {@code perms_ & 2} unused. */
  @Test
  void anotherNumberStopsTheStart() {
    var engine = new HashMap<>(PostgresTaskQueryTuning.WRITTEN_WITH);
    engine.put("Permissions.READ", 4);
    assertThatThrownBy(() -> PostgresTaskQueryTuning.verify(engine)).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("PostgresTaskQueryTuning no longer matches the process engine")
        .hasMessageContaining("Permissions.READ=engine 4, the SQL 2");
    engine.put("Permissions.READ", 2);
    engine.remove("Resources.TASK");
    assertThatThrownBy(() -> PostgresTaskQueryTuning.verify(engine)).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("Resources.TASK=engine null, the SQL 7");
  }
}
