package jp.climatepdca.system;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/** A servlet filter on every path that runs before all others (Spring Security's and Camunda's included). */
public final class FirstFilters {

  private FirstFilters() {}

  public static <F extends Filter> FilterRegistrationBean<F> onEveryPath(String name, F filter) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
