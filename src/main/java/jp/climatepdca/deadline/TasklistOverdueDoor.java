package jp.climatepdca.deadline;

import jakarta.servlet.Filter;
import jp.climatepdca.identity.TasklistSessionAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Tasklist session as the login of {@link TasklistOverdueController}: Tasklist's page calls it with its
 * session cookie, not HTTP Basic. After Spring Security's filters (the default order), on this address only.
 */
@Configuration
class TasklistOverdueDoor {

  /** Under the webapps' default address {@code /camunda}, as Tasklist's script computes it from its own. */
  static final String PATH = "${camunda.bpm.webapp.application-path:/camunda}/api/climate-pdca/overdue";

  @Bean
  FilterRegistrationBean<Filter> tasklistOverdueSessionLogin(TasklistSessionAuthentication sessions,
      org.springframework.core.env.Environment environment) {
    var registration = new FilterRegistrationBean<>(sessions.filter());
    registration.setName("tasklist-overdue-session-login");
    registration.addUrlPatterns(environment.resolvePlaceholders(PATH));
    return registration;
  }
}
