package jp.climatepdca.system;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;

/**
 * Json process variables (a form's rows) read their decimals exactly, as BigDecimal, under the same reading
 * limits as every other JSON of ours ({@link JsonReadLimits}). Spin's default reads them as double: an
 * actual value typed as {@code 1e-100000000} became 0 before any check could see it, and was stored.
 * Registered through Spin's own service file (META-INF/services/org.camunda.spin.spi.DataFormatConfigurator).
 */
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
}
