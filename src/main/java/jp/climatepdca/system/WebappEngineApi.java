package jp.climatepdca.system;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApiServlet(CamundaBpmProperties camunda) {
    var registration = new ServletRegistrationBean<>(new ServletContainer(),
        camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    registration.addInitParameter("jakarta.ws.rs.Application", Application.class.getName());
    // before the webapp starter's initializer, which would otherwise register it first
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Camunda's engine API application with the shared mapper (Jersey creates it by its class name). */
  public static class Application extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      var classes = new HashSet<>(super.getClasses());
      classes.remove(JacksonConfigurator.class);
      return classes;
    }

    @Override
    public Set<Object> getSingletons() {
      return Set.of(new SharedRestMapper());
    }
  }
}
