package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.text.SimpleDateFormat;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /engine-rest with one JSON mapper for all requests, configured as Camunda configures its own. */
@AppTest
class EngineRestResourcesTest {

  @LocalServerPort
  int port;

  @Autowired
  EngineRestResources resources;

  @Test
  void oneMapperConfiguredAsCamundasServesEveryRequest() {
    assertThat(resources.getClasses()).doesNotContain(JacksonConfigurator.class);
    var shared = resources.getInstances().stream().filter(EngineRestResources.SharedMapper.class::isInstance)
        .map(EngineRestResources.SharedMapper.class::cast).findFirst().orElseThrow();

    var mapper = shared.getContext(Object.class);
    assertThat(shared.getContext(String.class)).isSameAs(mapper);
    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(((SimpleDateFormat) mapper.getDateFormat()).toPattern()).isEqualTo(JacksonConfigurator.DEFAULT_DATE_FORMAT);
  }

  @Test
  void datesAndUnknownPropertiesAreAnsweredAsCamundaDoes() {
    var admin = Http.as(port, "demo");
    for (var i = 0; i < 2; i++) {
      var deployments = admin.get("/engine-rest/deployment?maxResults=1");
      assertThat(deployments.status()).isEqualTo(200);
      assertThat(deployments.json().get(0).path("deploymentTime").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
      // a property the query does not have is ignored, not refused
      var count = admin.postRaw("/engine-rest/task/count", "{\"assignee\": \"demo\", \"noSuchProperty\": 1}");
      assertThat(count.status()).isEqualTo(200);
      assertThat(count.json().path("count").isNumber()).isTrue();
    }
  }
}
