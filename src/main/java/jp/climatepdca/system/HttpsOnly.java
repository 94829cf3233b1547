package jp.climatepdca.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a proxy that terminates TLS ({@code climate-pdca.security.https-only}, on in the prod
 * profile): a request the proxy says came over plain http (X-Forwarded-Proto) is sent to the same
 * address over https with 308, which keeps the method and body, so no password or session cookie
 * travels in clear twice. A request without the header reached the node directly (health checks, an
 * operator on the node) and is served. HSTS (Spring Security's header on every https answer) then
 * keeps browsers on https. docs/security.md, "Behind the proxy".
 */
@Configuration
@ConditionalOnProperty(name = "climate-pdca.security.https-only", havingValue = "true")
class HttpsOnly {

  @Bean
  FilterRegistrationBean<Filter> httpsOnlyFilter() {
    return FirstFilters.onEveryPath("https-only", new Filter());
  }

  static final class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.isSecure() || request.getHeader("X-Forwarded-Proto") == null) {
        chain.doFilter(request, response);
        return;
      }
      // the host as the browser named it (X-Forwarded-Host, resolved by Tomcat); https on its default port
      var target = "https://" + request.getServerName() + request.getRequestURI()
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      response.setStatus(308);
      response.setHeader("Location", target);
    }
  }
}
