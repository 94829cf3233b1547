package jp.climatepdca.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery: a browser that once logged in with HTTP Basic keeps sending the password
 * with every request to this host, also the ones a foreign page makes it send (a form post, a fetch
 * with a text/plain body). Tokens do not fit a Basic-auth API whose clients are other systems, so a
 * state-changing request (POST, PUT, PATCH, DELETE) to /api, /engine-rest or the webapps' API is
 * refused (403) when the browser says it comes from another origin: its {@code Origin} header (or,
 * without one, its {@code Referer}) must be this application's own origin (scheme, host and port of
 * the request as the client addressed it, through the proxy's forwarded headers where they are
 * trusted) or one of {@code climate-pdca.security.allowed-origins}. {@code Origin: null} (a sandboxed
 * frame, a redirect across sites) is foreign. A request with neither header is no browser's (every
 * browser sends Origin on a cross-origin POST) and passes: curl, scripts and other systems keep
 * working unchanged. The webapps keep Camunda's own CSRF token besides. docs/security.md, "CSRF".
 */
@Configuration
class SameOriginWrites {

  private static final Logger LOG = LoggerFactory.getLogger(SameOriginWrites.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  FilterRegistrationBean<Filter> sameOriginWritesFilter(ProblemResponses problems,
      Environment environment, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    // a YAML list or a comma-separated value (ALLOWED_ORIGINS in a container's environment)
    var allowedOrigins = Binder.get(environment).bind("climate-pdca.security.allowed-origins",
        Bindable.listOf(String.class)).orElse(List.of());
    var allowed = allowedOrigins.stream().filter(o -> !o.isBlank()).map(o -> {
      var origin = origin(o.strip());
      if (origin == null) {
        throw new IllegalStateException("climate-pdca.security.allowed-origins: " + o
            + " is not an origin (scheme://host[:port])");
      }
      return origin;
    }).collect(Collectors.toUnmodifiableSet());
    var registration = new FilterRegistrationBean<>(new Filter(allowed, problems));
    registration.setName("same-origin-writes");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/api/*");
    // before authentication (Spring Security, Camunda's filters): a forged login is refused too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** {@code scheme://host:port} in lower case with the port always written, or null if not an origin. */
  static String origin(String value) {
    try {
      var uri = new URI(value);
      var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return null;
      }
      return origin(scheme, uri.getHost(), uri.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String origin(String scheme, String host, int port) {
    var explicit = port >= 0 ? port : "https".equals(scheme) ? 443 : 80;
    return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + explicit;
  }

  static final class Filter extends OncePerRequestFilter {

    private final Set<String> allowed;
    private final ProblemResponses problems;

    Filter(Set<String> allowed, ProblemResponses problems) {
      this.allowed = allowed;
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
        chain.doFilter(request, response);
        return;
      }
      var claimed = request.getHeader("Origin");
      var header = "Origin";
      if (claimed == null) {
        claimed = request.getHeader("Referer");
        header = "Referer";
      }
      if (claimed == null) {
        chain.doFilter(request, response);
        return;
      }
      var origin = origin(claimed.strip());
      if (origin != null && (isOwn(request, origin) || allowed.contains(origin))) {
        chain.doFilter(request, response);
        return;
      }
      LOG.warn("refused a cross-origin {} {} ({}: {}, client {})", request.getMethod(), request.getRequestURI(),
          header, claimed, request.getRemoteAddr());
      problems.write(request, response, HttpStatus.FORBIDDEN, "他のサイトの画面から送られた変更は受け付けません（"
          + header + ": " + claimed + "）。この画面から操作してください。ブラウザーを使わない連携システムは"
          + " Origin と Referer を付けずに送ってください");
    }

    /**
     * The origin the client addressed: the scheme, host and port Tomcat resolved (from X-Forwarded-*
     * when the prod profile trusts the proxy), and the Host header as the client wrote it, because a
     * forwarded host loses its port (nginx on 8080 forwards "localhost:8080", Tomcat keeps "localhost").
     */
    private static boolean isOwn(HttpServletRequest request, String origin) {
      var scheme = request.getScheme().toLowerCase(Locale.ROOT);
      if (origin.equals(origin(scheme, request.getServerName(), request.getServerPort()))) {
        return true;
      }
      var host = request.getHeader("Host");
      return host != null && origin.equals(origin(scheme + "://" + host));
    }
  }
}
