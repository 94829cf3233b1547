package jp.climatepdca.evaluation;

import java.util.List;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.plan.ClosedPlanYears;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import org.springframework.stereotype.Component;

/**
 * A year is evaluated once headquarters approved its Check (推進本部の庁内評価): from then on its grades are
 * what headquarters, the committee and the report saw, so no plan version may change them.
 */
@Component
class EvaluatedPlanYears implements ClosedPlanYears {

  private final ReviewLog reviews;
  private final CycleSchedule schedule;

  EvaluatedPlanYears(ReviewLog reviews, CycleSchedule schedule) {
    this.reviews = reviews;
    this.schedule = schedule;
  }

  @Override
  public List<ClosedYear> closedYears(String municipality) {
    return reviews.approvedYears(municipality, ReviewLevel.HEADQUARTERS).stream()
        .map(year -> new ClosedYear(schedule.reviewYear(year), year, "推進本部の評価済み")).toList();
  }
}
