package jp.climatepdca.engine;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's /engine-rest as the starter registers it, with one JSON mapper for all requests
 * ({@link SharedRestMapper}) in place of Camunda's mapper per request, and unreadable JSON answered in
 * Japanese ({@link UnreadableBodies}).
 */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    var where = CamundaRestResources.class.getName();
    registerClasses(UnreadableBodies.inPlaceOfCamundas(SharedRestMapper.inPlaceOfCamundas(
        CamundaRestResources.getConfigurationClasses(), where), where));
    register(new SharedRestMapper());
    register(new UnreadableBodies());
    register(UnreadableBodies.jacksonWithoutItsMappers());
  }
}
