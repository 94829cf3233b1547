package jp.climatepdca.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An /api request body names only the fields of its request: an unknown one (a misspelt {@code "fiscalyear"},
 * a {@code "startNow"} the API does not have) is refused with a 400 that names it, as an unknown field of a
 * plan or area file is, instead of being dropped while the request goes through as if it had been understood.
 *
 * <p>Only the controllers' body reader is strict: Spring's own ObjectMapper also reads the snapshots we stored
 * and the rows forms send, where fields of other versions are expected, and keeps ignoring unknown ones. The
 * copy keeps that mapper's read limits ({@link JsonReadLimits}: they live in its factory, which is copied).
 */
@Configuration
class StrictRequestBodies implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (var converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter json) {
        json.setObjectMapper(json.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
      }
    }
  }
}
