package jp.climatepdca.emission;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's emission-factor catalogue from classpath:emission/factors.json. Only an empty catalogue is
 * filled: once the secretariat keeps its own, a restart must not add to it.
 */
@Component
@Profile("demo")
class FactorCatalogueSeed {

  private static final Logger LOG = LoggerFactory.getLogger(FactorCatalogueSeed.class);

  private final EmissionFactorService catalogue;
  private final ObjectMapper mapper;

  FactorCatalogueSeed(EmissionFactorService catalogue, ObjectMapper mapper) {
    this.catalogue = catalogue;
    this.mapper = mapper;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() throws IOException {
    if (!catalogue.catalogue().isEmpty()) {
      return;
    }
    try (var in = new ClassPathResource("emission/factors.json").getInputStream()) {
      List<FactorView> factors = mapper.readValue(in, new TypeReference<>() {});
      factors.forEach(catalogue::add);
      LOG.info("Demo emission-factor catalogue loaded: {} factors", factors.size());
    }
  }
}
