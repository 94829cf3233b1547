package jp.climatepdca.publication;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jp.climatepdca.identity.TasklistSessionAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two doors of the draft report ({@link DraftReportController}): {@code /api/reports/{m}/{y}/draft} for API
 * clients (HTTP Basic), and {@code <webapps>/api/climate-pdca/report-drafts/{m}/{y}} for the links of 公表の承認
 * and 公表, where the Tasklist session is the login ({@link TasklistSessionAuthentication}), so the preview opens
 * without asking for a password again. The webapps' address is Camunda's application path ({@code /camunda}
 * unless configured), as the task-file endpoints use it.
 */
@Configuration
class DraftReportAddresses {

  static final String API = "/api/reports/{municipality}/{fiscalYear}/draft";
  static final String TASKLIST = "${camunda.bpm.webapp.application-path:/camunda}"
      + "/api/climate-pdca/report-drafts/{municipality}/{fiscalYear}";

  private final String webapps;

  DraftReportAddresses(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.webapps = webapps;
  }

  static String api(String municipality, int fiscalYear) {
    return "/api/reports/" + municipality + "/" + fiscalYear + "/draft";
  }

  /** Where Tasklist's forms link to: the session's login counts there. */
  String tasklist(String municipality, int fiscalYear) {
    return tasklistRoot() + municipality + "/" + fiscalYear;
  }

  /** The draft's address at the door the request came through: the page's download links stay at that door. */
  String base(HttpServletRequest request, String municipality, int fiscalYear) {
    return request.getRequestURI().startsWith(request.getContextPath() + tasklistRoot())
        ? tasklist(municipality, fiscalYear) : api(municipality, fiscalYear);
  }

  private String tasklistRoot() {
    return webapps + "/api/climate-pdca/report-drafts/";
  }

  /** After Spring Security's filters (the default order), on the session door only. */
  @Bean
  FilterRegistrationBean<Filter> draftReportSessionLogin(TasklistSessionAuthentication sessions) {
    var registration = new FilterRegistrationBean<>(sessions.filter());
    registration.setName("draft-report-session-login");
    registration.addUrlPatterns(tasklistRoot() + "*");
    return registration;
  }
}
