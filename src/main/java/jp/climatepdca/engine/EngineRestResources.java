package jp.climatepdca.engine;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's /engine-rest as the starter registers it, with one JSON mapper for all requests
 * ({@link SharedRestMapper}) in place of Camunda's mapper per request.
 */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(SharedRestMapper.inPlaceOfCamundas(CamundaRestResources.getConfigurationClasses(),
        CamundaRestResources.class.getName()));
    register(new SharedRestMapper());
    register(JacksonFeature.class);
  }
}
