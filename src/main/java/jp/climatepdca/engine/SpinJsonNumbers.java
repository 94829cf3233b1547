package jp.climatepdca.engine;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.math.BigDecimal;
import jp.climatepdca.system.JsonReadLimits;
import org.camunda.spin.DataFormats;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Json process variables (a form's rows) read their decimals exactly, as BigDecimal, under the same reading
 * limits as every other JSON of ours ({@link JsonReadLimits}). Spin's default reads them as double: an
 * actual value typed as {@code 1e-100000000} became 0 before any check could see it, and was stored.
 *
 * <p>The hook: Spin finds this configurator through its service file
 * (META-INF/services/org.camunda.spin.spi.DataFormatConfigurator, a file name and a class name as text)
 * and hands it its Jackson data format, a class of Spin's implementation package. A renamed SPI (Operaton's
 * {@code org.operaton.spin}) or data format would leave the file unread and the decimals silently rounded
 * again, so once the application stands, the JSON data format the engine's Spin uses must read a decimal
 * as BigDecimal, refuse a key given twice and a number past the length limit; otherwise the start stops
 * ({@link EngineHookMismatch}). SpinJsonNumbersTest feeds it Spin's unconfigured format.
 */
@Component
public class SpinJsonNumbers implements DataFormatConfigurator<JacksonJsonDataFormat> {

  @Override
  public Class<JacksonJsonDataFormat> getDataFormatClass() {
    return JacksonJsonDataFormat.class;
  }

  @Override
  public void configure(JacksonJsonDataFormat format) {
    var mapper = format.getObjectMapper();
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.getFactory().setStreamReadConstraints(JsonReadLimits.constraints());
    mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
  }

  /** Spin's JSON format, which the engine's Spin plugin loaded while the engine was built. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyInstalled() {
    verify(DataFormats.json());
  }

  /** The format reads as configured here, through Spin's public API. */
  static void verify(DataFormat<SpinJsonNode> json) {
    Object decimal = Spin.S("0.1", json).numberValue();
    if (!(decimal instanceof BigDecimal)) {
      throw mismatch(json, "reads the decimal 0.1 as a " + decimal.getClass().getName() + ", not as a BigDecimal");
    }
    if (reads("{\"a\": 1, \"a\": 2}", json)) {
      throw mismatch(json, "accepts a key given twice");
    }
    if (reads("1" + "0".repeat(JsonReadLimits.constraints().getMaxNumberLength()), json)) {
      throw mismatch(json, "accepts a number longer than " + JsonReadLimits.constraints().getMaxNumberLength()
          + " characters");
    }
  }

  private static boolean reads(String text, DataFormat<SpinJsonNode> json) {
    try {
      Spin.S(text, json);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  private static EngineHookMismatch mismatch(DataFormat<SpinJsonNode> json, String found) {
    return new EngineHookMismatch(SpinJsonNumbers.class, "Spin's JSON format (" + json.getClass().getName() + ") "
        + found + ", so this configurator was not applied");
  }
}
