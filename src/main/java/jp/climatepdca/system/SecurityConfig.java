package jp.climatepdca.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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
 *       Security's CSRF would break their requests, so it stays off there;</li>
 *   <li>/public: the published annual reports, without login, read-only; the controller answers 404 for
 *       anything not published, and a strict Content-Security-Policy keeps any script a text might
 *       carry from running (the pages' own scripts are files of this server);</li>
 *   <li>/public/opinions: the citizens' opinion form, also without login; besides GET, a POST to exactly
 *       /public/opinions/{town}/{year} (the form's signed token is its CSRF defence, docs/opinions.md).</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

  /**
   * The opinion form (docs/opinions.md): the public pages' rules, plus POST to the form's own address only,
   * and a policy that lets the page post its form to this server (form-action 'self'). No session: the
   * form's signed token, not a cookie, tells a post from a forged one.
   */
  @Bean
  @Order(-1)
  SecurityFilterChain publicOpinionForm(HttpSecurity http) throws Exception {
    return http.securityMatcher("/public/opinions/**")
        .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/**").permitAll()
            .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/public/opinions/*/*").permitAll()
            .anyRequest().denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .csrf(c -> c.disable())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
            .frameOptions(f -> f.deny()))
        .build();
  }

  /** Published reports only: GET and HEAD, no session, nothing else. */
  @Bean
  @Order(0)
  SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
    return http.securityMatcher("/public", "/public/**", "/public-assets/**")
        .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/**").permitAll()
            .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
            .anyRequest().denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .csrf(c -> c.disable())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"))
            .frameOptions(f -> f.deny()))
        .build();
  }

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
