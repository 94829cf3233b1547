package jp.climatepdca.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three doors, one user store (Camunda's identity service):
 * <ul>
 *   <li>/api: HTTP Basic checked against the identity service, no session;</li>
 *   <li>/engine-rest: Camunda's own authentication filter (HTTP Basic), which also sets the engine's
 *       authentication so authorizations apply to every call;</li>
 *   <li>the webapps (Tasklist, Cockpit, Admin) keep their own login and CSRF protection; Spring
 *       Security's CSRF would break their requests, so it stays off there.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(problems::unauthorized).realmName("climate-pdca"))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized)
            .accessDeniedHandler(problems::forbidden))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
        new EngineRestAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
