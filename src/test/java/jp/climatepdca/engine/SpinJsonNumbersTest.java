package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.spin.DataFormats;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link SpinJsonNumbers}: Spin finds it through its service file and its JSON format then reads decimals
 * exactly within our limits; Spin's own format, unconfigured (a service file Spin no longer reads), stops
 * the start.
 */
class SpinJsonNumbersTest {

  @Test
  void spinLoadsTheConfiguratorThroughItsServiceFile() {
    DataFormats.loadDataFormats(SpinJsonNumbersTest.class.getClassLoader());
    assertThatCode(() -> SpinJsonNumbers.verify(DataFormats.json())).doesNotThrowAnyException();
    assertThatCode(new SpinJsonNumbers()::verifyInstalled).doesNotThrowAnyException();
  }

  @Test
  void spinsUnconfiguredFormatStopsTheStart() {
    var unconfigured = new JacksonJsonDataFormat(DataFormats.JSON_DATAFORMAT_NAME);
    assertThatThrownBy(() -> SpinJsonNumbers.verify(unconfigured)).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("SpinJsonNumbers no longer matches the process engine")
        .hasMessageContaining("reads the decimal 0.1 as a java.lang.Double");
  }

  @Test
  void eachSettingIsChecked() {
    var withoutDuplicateCheck = new JacksonJsonDataFormat(DataFormats.JSON_DATAFORMAT_NAME);
    new SpinJsonNumbers().configure(withoutDuplicateCheck);
    withoutDuplicateCheck.getObjectMapper().getFactory().disable(
        com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    assertThatThrownBy(() -> SpinJsonNumbers.verify(withoutDuplicateCheck)).hasMessageContaining("a key given twice");

    var withoutLimits = new JacksonJsonDataFormat(DataFormats.JSON_DATAFORMAT_NAME);
    new SpinJsonNumbers().configure(withoutLimits);
    withoutLimits.getObjectMapper().getFactory().setStreamReadConstraints(
        com.fasterxml.jackson.core.StreamReadConstraints.defaults());
    assertThatThrownBy(() -> SpinJsonNumbers.verify(withoutLimits)).hasMessageContaining("a number longer than 100");
  }
}
