package jp.climatepdca.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.climatepdca.system.JsonReadLimits;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * A body Camunda's REST API cannot read as JSON (syntax, a key twice, a limit of {@link JsonReadLimits})
 * answered 400 in Camunda's error shape with the message /api gives for the same body, in Japanese.
 *
 * <p>Without this, two sets of mappers answered: Jersey's {@link JacksonFeature} ones (English text/plain
 * with Jackson's source excerpt) and Camunda's {@link JsonParseExceptionHandler} and
 * {@link JsonMappingExceptionHandler} (type InvalidRequestException with an empty message). Both
 * applications (/engine-rest, {@link EngineRestResources}; the webapps' engine API, {@link WebappEngineApi})
 * take Camunda's two out of the classes Camunda registers ({@link #inPlaceOfCamundas}, which stops the start
 * if Camunda no longer registers them there) and register Jersey's feature without its mappers, so this
 * one is the only mapper for Jackson's errors. The type stays InvalidRequestException, as Camunda's own
 * handlers named it: TaskCompletionErrors recognises a malformed completion by it.
 */
@Provider
public final class UnreadableBodies implements ExceptionMapper<JsonProcessingException> {

  private static final List<Class<?>> CAMUNDAS = List.of(JsonParseExceptionHandler.class,
      JsonMappingExceptionHandler.class);

  /** Jersey's JSON feature without the mappers whose place this one takes. */
  static JacksonFeature jacksonWithoutItsMappers() {
    return JacksonFeature.withoutExceptionMappers();
  }

  /**
   * Camunda's classes for a JAX-RS application ({@code where}) without its two JSON error handlers;
   * {@link EngineHookMismatch} if either is not among them.
   */
  static Set<Class<?>> inPlaceOfCamundas(Set<Class<?>> camundas, String where) {
    for (var handler : CAMUNDAS) {
      if (!camundas.contains(handler)) {
        throw new EngineHookMismatch(UnreadableBodies.class, where + " no longer registers " + handler.getName()
            + ", in whose place the Japanese answer to unreadable JSON is registered");
      }
    }
    var classes = new HashSet<>(camundas);
    CAMUNDAS.forEach(classes::remove);
    return classes;
  }

  /** A client's mistake: answered, not logged (Camunda's handlers logged nothing above DEBUG either). */
  @Override
  public Response toResponse(JsonProcessingException unreadable) {
    var error = new ExceptionDto();
    error.setType("InvalidRequestException");
    error.setMessage(JsonReadLimits.unreadable(unreadable));
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }
}
