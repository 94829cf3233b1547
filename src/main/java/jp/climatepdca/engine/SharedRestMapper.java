package jp.climatepdca.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import jp.climatepdca.system.JsonReadLimits;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * Camunda's REST JSON mapper, configured once instead of at every request.
 *
 * <p>Camunda's {@link JacksonConfigurator} answers every lookup with a new {@link ObjectMapper}, and the
 * filter, task and form resources look one up per request; a new mapper has no serializers or
 * deserializers yet, so each request builds again those it needs (the query of a Tasklist filter's list
 * and count, the tasks of its answer). In a profile of Tasklist's task list (LargeCityBenchmark with JFR)
 * that was a tenth of the request threads' CPU. This one is configured by Camunda's own
 * {@link JacksonConfigurator#configureObjectMapper}, so dates and unknown properties are handled exactly
 * as before; a configured mapper is safe to share between threads, and Camunda changes none after
 * configuring it. Used by /engine-rest ({@link EngineRestResources}) and by the webapps' engine API
 * ({@link WebappEngineApi}), each of which takes Camunda's configurator out of the classes Camunda registers
 * ({@link #inPlaceOfCamundas}): if Camunda no longer registered it there, both would silently answer with
 * whatever mapper Jersey finds, so that stops the start instead.
 */
@Provider
// HAL too, as Camunda's own configurator: Tasklist opens a task as HAL, and a HAL answer without this
// mapper wrote dates as epoch millis, which Tasklist's task header showed as "Invalid date"
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
public final class SharedRestMapper extends JacksonConfigurator {

  private final AtomicReference<ObjectMapper> mapper = new AtomicReference<>();

  /**
   * Camunda's classes for a JAX-RS application ({@code where}) without its {@link JacksonConfigurator}, whose
   * place the shared mapper takes; {@link EngineHookMismatch} if it is not among them.
   */
  static Set<Class<?>> inPlaceOfCamundas(Set<Class<?>> camundas, String where) {
    if (!camundas.contains(JacksonConfigurator.class)) {
      throw new EngineHookMismatch(SharedRestMapper.class, where + " no longer registers "
          + JacksonConfigurator.class.getName() + ", in whose place the shared mapper is registered");
    }
    var classes = new HashSet<>(camundas);
    classes.remove(JacksonConfigurator.class);
    return classes;
  }

  /**
   * The reading limits of {@link JsonReadLimits} (number length, nesting, each key once) for /engine-rest
   * too: a form submitted there twice naming a variable is refused instead of silently keeping the last.
   */
  private static ObjectMapper readingWithLimits() {
    return new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
        .streamReadConstraints(JsonReadLimits.constraints())
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    // asked at every request: a plain read once it is made, no compare-and-set
    var made = mapper.get();
    if (made != null) {
      return made;
    }
    // made on first use, after Camunda has read its date format; two first requests at once may each
    // configure one, and one of them is kept
    return mapper.updateAndGet(existing -> existing != null ? existing : configureObjectMapper(readingWithLimits()));
  }
}
