package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;

/** The webapp login as Camunda keeps it in the session, and the start-up check fed a changed form. */
class WebappLoginTest {

  @Test
  void readsTheLoginOfTheEngineAndNothingElse() {
    var session = WebappLogin.inMemorySession();
    assertThat(WebappLogin.read(session, "default")).isEmpty();
    var auths = new Authentications();
    auths.addOrReplace(new UserAuthentication("jimukyoku", "other-engine"));
    AuthenticationUtil.updateSession(session, auths);
    assertThat(WebappLogin.read(session, "default")).as("a login to another engine").isEmpty();
    auths.addOrReplace(new UserAuthentication("jimukyoku", "default"));
    AuthenticationUtil.updateSession(session, auths);
    assertThat(WebappLogin.read(session, "default")).contains("jimukyoku");
  }

  @Test
  void theStartUpCheckPassesWithThisEngine() {
    WebappLogin.verify(WebappLogin::read, "default");
  }

  @Test
  void aLoginKeptElsewhereStopsTheStart() {
    // as a Camunda that keeps the login under another attribute: our reader would find nobody, ever
    assertThatThrownBy(() -> WebappLogin.verify((session, engine) -> Optional.ofNullable(
        (String) session.getAttribute("camundaUser")), "default"))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("WebappLogin").hasMessageContaining("no login");
  }

  @Test
  void aSessionWithoutLoginThatReadsAsSomeoneStopsTheStart() {
    assertThatThrownBy(() -> WebappLogin.verify((session, engine) -> Optional.of("anonymous"), "default"))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("without a login");
  }
}
