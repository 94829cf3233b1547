package jp.climatepdca.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.climatepdca.system.FirstFilters;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client whose request the current thread serves, for the login throttling. Spring's
 * request context is not there at every door (Camunda's /engine-rest and webapp API run outside Spring
 * MVC), so this filter, first on every path, keeps it. Behind the proxy the prod profile's Tomcat has
 * already taken it from X-Forwarded-For (RemoteIpValve, trusted from the proxy's address only).
 */
@Configuration
public class ClientAddress {

  /** The client of a call outside any HTTP request (start-up, a job, a test calling the service). */
  static final String NO_REQUEST = "local";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** The address the login throttle counts; also the public opinion form's rate limit (opinion package). */
  public static String current() {
    var address = CURRENT.get();
    return address == null ? NO_REQUEST : address;
  }

  @Bean
  FilterRegistrationBean<Filter> clientAddressFilter() {
    return FirstFilters.onEveryPath("client-address", new Filter());
  }

  static final class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var outer = CURRENT.get();
      CURRENT.set(request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        if (outer == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(outer);
        }
      }
    }
  }
}
