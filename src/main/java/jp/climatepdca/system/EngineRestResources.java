package jp.climatepdca.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's /engine-rest as the starter registers it, with one difference: the JSON mapper of its
 * resources is configured once, not at every request.
 *
 * <p>Camunda's {@link JacksonConfigurator} answers every lookup with a new {@link ObjectMapper}, and the
 * filter, task and form resources look one up per request; a new mapper has no serializers or
 * deserializers yet, so each request builds again those it needs (the query of a Tasklist filter's list
 * and count above all). In a profile of Tasklist's task list (LargeCityBenchmark with JFR) that was a
 * tenth of the request threads' CPU. The mapper is configured by Camunda's own
 * {@link JacksonConfigurator#configureObjectMapper}, so dates and unknown properties are handled exactly as
 * before; a configured mapper is safe to share between threads, and Camunda changes none after configuring
 * it.
 */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> type != JacksonConfigurator.class).collect(Collectors.toSet()));
    register(new SharedMapper());
    register(JacksonFeature.class);
  }

  /** Camunda's mapper configuration, made once (on first use, after Camunda has read its date format). */
  @Provider
  @Produces(MediaType.APPLICATION_JSON)
  static final class SharedMapper extends JacksonConfigurator {

    private final AtomicReference<ObjectMapper> mapper = new AtomicReference<>();

    @Override
    public ObjectMapper getContext(Class<?> type) {
      // two first requests at once may each configure one; one of them is kept
      return mapper.updateAndGet(made -> made != null ? made : configureObjectMapper(new ObjectMapper()));
    }
  }
}
