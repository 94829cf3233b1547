package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /engine-rest and the webapps' engine API (Tasklist's) each with one JSON mapper for all requests,
 * configured as Camunda configures its own.
 */
@AppTest
class SharedRestMapperTest {

  private static final String CAMUNDA_DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}";

  @LocalServerPort
  int port;

  @Autowired
  EngineRestResources engineRest;

  @Autowired
  private org.camunda.bpm.engine.TaskService taskService;

  @Autowired
  ServletContext servletContext;

  @Test
  void engineRestHasOneMapperConfiguredAsCamundas() {
    assertThat(engineRest.getClasses()).doesNotContain(JacksonConfigurator.class);
    var shared = engineRest.getInstances().stream().filter(SharedRestMapper.class::isInstance)
        .map(SharedRestMapper.class::cast).findFirst().orElseThrow();
    var mapper = shared.getContext(Object.class);
    assertThat(shared.getContext(String.class)).isSameAs(mapper);
    assertConfiguredAsCamundas(mapper);
  }

  @Test
  void theWebappsEngineApiIsServedWithTheSharedMapper() {
    // the servlet the webapp starter would have registered is ours, under its name and address
    var servlet = servletContext.getServletRegistration(WebappEngineApi.SERVLET_NAME);
    assertThat(servlet.getInitParameter("jakarta.ws.rs.Application"))
        .isEqualTo(WebappEngineApi.Application.class.getName());
    assertThat(servlet.getMappings()).containsExactly("/camunda/api/engine/*");
    var application = new WebappEngineApi.Application();
    assertThat(application.getClasses()).doesNotContain(JacksonConfigurator.class).isNotEmpty();
    assertThat(application.getSingletons()).hasSize(3).anyMatch(SharedRestMapper.class::isInstance)
        .anyMatch(UnreadableBodies.class::isInstance);
    assertThat(application.getClasses()).doesNotContain(
        org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler.class,
        org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler.class);
  }

  @Test
  void datesAndUnknownPropertiesAreAnsweredAsCamundaDoes() throws Exception {
    var admin = Http.as(port, "demo");
    var tasklist = WebappSession.logIn(port, "demo");
    for (var i = 0; i < 2; i++) {
      var deployments = admin.get("/engine-rest/deployment?maxResults=1");
      assertThat(deployments.status()).isEqualTo(200);
      assertThat(deployments.json().get(0).path("deploymentTime").asText()).matches(CAMUNDA_DATE);
      var webapp = tasklist.get("/api/engine/engine/default/deployment?maxResults=1");
      assertThat(webapp.statusCode()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(webapp.body()).get(0).path("deploymentTime").asText())
          .matches(CAMUNDA_DATE);

      // a property the query does not have is ignored, not refused
      var unknown = "{\"assignee\": \"demo\", \"noSuchProperty\": 1}";
      assertThat(admin.postRaw("/engine-rest/task/count", unknown).json().path("count").isNumber()).isTrue();
      var count = tasklist.post("/api/engine/engine/default/task/count", unknown, true);
      assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(count.body()).path("count").isNumber()).isTrue();
    }
  }

  /** A Camunda whose REST applications no longer register its configurator stops the start. */
  @Test
  void aCamundaWithoutItsMapperConfigurationStopsTheStart() {
    assertThat(SharedRestMapper.inPlaceOfCamundas(Set.of(JacksonConfigurator.class, String.class), "here"))
        .containsExactly(String.class);
    assertThatThrownBy(() -> SharedRestMapper.inPlaceOfCamundas(Set.of(String.class), "CamundaRestResources"))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("SharedRestMapper no longer matches the process engine")
        .hasMessageContaining("CamundaRestResources no longer registers " + JacksonConfigurator.class.getName());
  }

  /**
   * Had the webapp starter registered its own servlet first, ours would only have been logged as skipped;
   * under another name, it would share the address with ours.
   */
  @Test
  void theWebappsEngineApiServedByAnotherServletStopsTheStart() {
    var registrations = servletContext.getServletRegistrations();
    WebappEngineApi.verifyServedByUs(registrations);
    var camundas = mock(ServletRegistration.class);
    when(camundas.getName()).thenReturn(WebappEngineApi.SERVLET_NAME);
    when(camundas.getClassName()).thenReturn("org.glassfish.jersey.servlet.ServletContainer");
    when(camundas.getInitParameter("jakarta.ws.rs.Application"))
        .thenReturn("org.camunda.bpm.webapp.impl.engine.EngineRestApplication");
    when(camundas.getMappings()).thenReturn(List.of("/camunda/api/engine/*"));
    assertThatThrownBy(() -> WebappEngineApi.verifyServedByUs(Map.of(WebappEngineApi.SERVLET_NAME, camundas)))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("the servlet \"Engine Api\" serves org.glassfish.jersey.servlet.ServletContainer with"
            + " org.camunda.bpm.webapp.impl.engine.EngineRestApplication instead of " + WebappEngineApi.Application.class.getName());
    assertThatThrownBy(() -> WebappEngineApi.verifyServedByUs(Map.of())).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("serves nothing");

    when(camundas.getName()).thenReturn("Engine API");
    var both = new HashMap<String, ServletRegistration>(registrations);
    both.put("Engine API", camundas);
    assertThatThrownBy(() -> WebappEngineApi.verifyServedByUs(both)).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("the servlets [Engine API] share the address [/camunda/api/engine/*]");
  }

  /**
   * Tasklist asks for HAL (application/hal+json) when it opens a task; its header read the due date
   * "Invalid date" while HAL answers fell back to an unconfigured mapper that writes dates as epoch millis.
   */
  @Test
  void halAnswersCarryDatesAsCamundaWritesThem() throws Exception {
    var admin = Http.as(port, "demo");
    var created = admin.post("/engine-rest/task/create", java.util.Map.of("id", "hal-date-" + System.nanoTime(),
        "name", "HAL の期限", "due", "2026-05-31T00:00:00.000+0900"));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    var task = admin.get("/engine-rest/task?name=" + java.net.URLEncoder.encode("HAL の期限",
        java.nio.charset.StandardCharsets.UTF_8)).json().get(0).path("id").asText();
    var hal = admin.accepting("application/hal+json").get("/engine-rest/task/" + task);
    try {
      assertThat(hal.status()).as(hal.toString()).isEqualTo(200);
      assertThat(hal.json().path("due").asText()).matches(CAMUNDA_DATE);
      var tasklist = WebappSession.logIn(port, "demo");
      var webapp = tasklist.get("/api/engine/engine/default/task/" + task, "application/hal+json");
      assertThat(new ObjectMapper().readTree(webapp.body()).path("due").asText()).as(webapp.body())
          .matches(CAMUNDA_DATE);
    } finally {
      // a standalone task has no tenant, so every tenant's users would see it in the shared context
      // (TenantIsolationTest lists a town's tasks and finds only the town's)
      taskService.deleteTask(task, true);
    }
  }

  private static void assertConfiguredAsCamundas(ObjectMapper mapper) {
    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(((SimpleDateFormat) mapper.getDateFormat()).toPattern())
        .isEqualTo(JacksonConfigurator.DEFAULT_DATE_FORMAT);
  }
}
