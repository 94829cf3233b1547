package jp.climatepdca.periodevaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Compiles a trend and keeps it as a JSON row; reads the newest back. */
@Component
class PeriodTrends {

  private final PeriodTrendService service;
  private final PeriodEvaluationStore store;
  private final ObjectMapper json;

  PeriodTrends(PeriodTrendService service, PeriodEvaluationStore store, ObjectMapper json) {
    this.service = service;
    this.store = store;
    this.json = json;
  }

  PeriodTrend compileAndKeep(PeriodEvaluationRow evaluation) {
    var trend = service.compile(evaluation);
    try {
      store.addTrend(evaluation.id(), json.writeValueAsString(trend));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the period trend of " + evaluation.municipality(), e);
    }
    return trend;
  }

  Optional<PeriodTrend> latest(PeriodEvaluationRow evaluation) {
    return store.latestTrend(evaluation.id()).map(text -> {
      try {
        return json.readValue(text, PeriodTrend.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable period trend of " + evaluation.municipality(), e);
      }
    });
  }
}
