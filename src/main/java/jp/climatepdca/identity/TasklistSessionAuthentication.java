package jp.climatepdca.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.climatepdca.engine.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Tasklist login as the request's Spring Security authentication, for an endpoint of ours under the
 * webapps' address that a Tasklist page links to (the draft report preview): the same {@code @PreAuthorize}
 * rules as /api then apply, with the groups and tenants the identity service gives the session's user now
 * (not those of when they logged in). Without a login: 401, and no {@code WWW-Authenticate}, so the browser
 * asks for no password (the person logs in to Tasklist). Nothing is stored in the session.
 */
@Component
public class TasklistSessionAuthentication {

  private final WebappLogin login;
  private final IdentityService identity;
  private final ObjectMapper json;

  TasklistSessionAuthentication(WebappLogin login, IdentityService identity, ObjectMapper json) {
    this.login = login;
    this.identity = identity;
    this.json = json;
  }

  /** A servlet filter to register (after Spring Security's) on the endpoint's addresses only. */
  public Filter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        var user = login.userId(request);
        if (user.isEmpty()) {
          notLoggedIn(request, response);
          return;
        }
        var outer = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(IdentityServiceAuthenticationProvider.asNow(identity, user.get()));
        SecurityContextHolder.setContext(context);
        try {
          chain.doFilter(request, response);
        } finally {
          SecurityContextHolder.setContext(outer);
        }
      }
    };
  }

  private void notLoggedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        "Tasklist にログインしてから、作業の画面のリンクを開いてください");
    problem.setTitle("認証が必要です");
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    json.writeValue(response.getOutputStream(), problem);
  }
}
