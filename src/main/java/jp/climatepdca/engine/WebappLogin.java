package jp.climatepdca.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is logged in to Camunda's webapps (Tasklist) in the HTTP session of a request, for our own endpoints
 * that Tasklist's pages call with their session cookie (the task-file upload). Camunda keeps the login in
 * the session in a class of its webapp's implementation ({@code AuthenticationUtil.getAuthsFromSession}),
 * which it does not promise to keep.
 *
 * <p>Only the user id is taken: groups and tenants are read again from the identity service by the caller,
 * so a login whose groups changed since (Camunda re-reads them only every few minutes) counts as it is now.
 * At start-up a login written as Camunda's login writes it must be read back; else the start stops.
 */
@Component
public class WebappLogin {

  static final String PROBE_USER = "engine-hook-probe";

  private final String engineName;

  WebappLogin(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  /** The webapp login of the request's session for this engine; empty without a session or a login. */
  public Optional<String> userId(HttpServletRequest request) {
    var session = request.getSession(false);
    return session == null ? Optional.empty() : read(session, engineName);
  }

  static Optional<String> read(HttpSession session, String engine) {
    var auths = AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engine);
    return auth == null || auth.getIdentityId() == null ? Optional.empty() : Optional.of(auth.getIdentityId());
  }

  @EventListener(ApplicationReadyEvent.class)
  void verifyAtStart() {
    verify(WebappLogin::read, engineName);
  }

  /** A login stored as Camunda's login stores it is found by {@code reader}, and no login is no one. */
  static void verify(BiFunction<HttpSession, String, Optional<String>> reader, String engine) {
    var empty = reader.apply(inMemorySession(), engine);
    if (empty.isPresent()) {
      throw new EngineHookMismatch(WebappLogin.class, "a session without a login reads as user " + empty.get());
    }
    var session = inMemorySession();
    var auths = new Authentications();
    auths.addOrReplace(new UserAuthentication(PROBE_USER, engine));
    AuthenticationUtil.updateSession(session, auths);
    var found = reader.apply(session, engine);
    if (!found.equals(Optional.of(PROBE_USER))) {
      throw new EngineHookMismatch(WebappLogin.class, "a webapp login of " + PROBE_USER + " stored in the session"
          + " reads as " + found.orElse("no login"));
    }
  }

  /** The attributes of a session, nothing else (what Camunda's login uses of it). */
  static HttpSession inMemorySession() {
    var attributes = new HashMap<String, Object>();
    return (HttpSession) Proxy.newProxyInstance(WebappLogin.class.getClassLoader(), new Class<?>[] {HttpSession.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getAttribute" -> attributes.get((String) args[0]);
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          case "removeAttribute" -> attributes.remove((String) args[0]);
          case "getId" -> "engine-hook-probe";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "in-memory session";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
