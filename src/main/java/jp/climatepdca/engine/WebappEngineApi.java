package jp.climatepdca.engine;

import jakarta.servlet.ServletRegistration;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * The engine API of Tasklist, Cockpit and Admin ({@code /camunda/api/engine}: Tasklist's filters, tasks
 * and forms go through it) with one JSON mapper for all requests ({@link SharedRestMapper}).
 *
 * <p>The webapp starter registers this servlet, named "Engine Api", only when no servlet of that name
 * exists yet; registered here first, under the same name and address, it serves Camunda's own
 * {@link EngineRestApplication} with the shared mapper in place of Camunda's mapper per request.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineApi {

  static final String SERVLET_NAME = "Engine Api";
  private static final String APPLICATION = "jakarta.ws.rs.Application";

  /**
   * The servlet at the engine API's address is this one: had the webapp starter registered its own first
   * (another order), ours would only be logged as not registered; under another name, two servlets would
   * share the address. Either way the webapps would run with Camunda's mapper per request again.
   */
  @EventListener
  void verifyRegistered(ServletWebServerInitializedEvent started) {
    verifyServedByUs(started.getApplicationContext().getServletContext().getServletRegistrations());
  }

  static void verifyServedByUs(Map<String, ? extends ServletRegistration> registrations) {
    var ours = registrations.get(SERVLET_NAME);
    var application = ours == null ? null : ours.getInitParameter(APPLICATION);
    if (!Application.class.getName().equals(application)) {
      throw new EngineHookMismatch(WebappEngineApi.class, "the servlet \"" + SERVLET_NAME + "\" serves "
          + (ours == null ? "nothing" : ours.getClassName() + " with " + application)
          + " instead of " + Application.class.getName());
    }
    var sharing = registrations.values().stream().filter(other -> other != ours)
        .filter(other -> other.getMappings().stream().anyMatch(ours.getMappings()::contains))
        .map(ServletRegistration::getName).sorted().toList();
    if (!sharing.isEmpty()) {
      throw new EngineHookMismatch(WebappEngineApi.class, "the servlets " + sharing + " share the address "
          + ours.getMappings() + " of the engine API");
    }
  }

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApiServlet(CamundaBpmProperties camunda) {
    var registration = new ServletRegistrationBean<>(new ServletContainer(),
        camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    registration.addInitParameter(APPLICATION, Application.class.getName());
    // before the webapp starter's initializer, which would otherwise register it first
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's engine API application with the shared mapper (Jersey creates it by its class name). */
  public static class Application extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      var where = EngineRestApplication.class.getName();
      return UnreadableBodies.inPlaceOfCamundas(SharedRestMapper.inPlaceOfCamundas(super.getClasses(), where), where);
    }

    @Override
    public Set<Object> getSingletons() {
      return Set.of(new SharedRestMapper(), new UnreadableBodies(), UnreadableBodies.jacksonWithoutItsMappers());
    }
  }
}
