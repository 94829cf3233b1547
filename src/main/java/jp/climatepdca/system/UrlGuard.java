package jp.climatepdca.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * URLs that try to leave their path ({@code /x/../engine-rest/...}, {@code %2e%2e}, an encoded slash, a
 * double slash, a path parameter) are refused with 400 and a Japanese problem answer, first of all.
 *
 * <p>Spring Security's firewall refuses the same URLs, but only after Spring's request-path filter has
 * parsed them, which fails for a servlet of its own such as /engine-rest (an English 500), and its answer
 * is Spring Boot's English error page. Tomcat itself refused an encoded slash before any filter, with its
 * HTML page: it now passes the slash on encoded, so this filter answers it like the rest.
 */
@Configuration
class UrlGuard {

  /** Raw (undecoded) sequences no URL of this application contains. */
  private static final List<String> REFUSED = List.of("/../", "/./", "//", ";", "\\", "%2e", "%2f", "%5c", "%25",
      "%00", "%3b");

  @Bean
  FilterRegistrationBean<Filter> urlGuardFilter(ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new Filter(problems));
    registration.setName("url-guard");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashReachesTheGuard() {
    return factory -> factory.addConnectorCustomizers(
        connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }

  /**
   * What Spring Security's firewall still refuses after this guard (a method outside GET, HEAD, POST, PUT,
   * PATCH, DELETE and OPTIONS; a header with control characters) gets the same problem answer instead of
   * Spring Boot's English error page.
   */
  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
    return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
        "リクエストを受け付けられません（使えないメソッド、または URL・ヘッダーに使えない文字があります）");
  }

  static boolean refused(String rawPath) {
    var path = rawPath.toLowerCase(Locale.ROOT);
    return REFUSED.stream().anyMatch(path::contains) || path.endsWith("/..") || path.endsWith("/.");
  }

  static final class Filter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    Filter(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (refused(request.getRequestURI())) {
        problems.write(request, response, HttpStatus.BAD_REQUEST, "URL に使えない並び（「..」、「//」、「;」、"
            + "符号化した「.」「/」「\\」など）が含まれています。正しい URL を指定してください");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
