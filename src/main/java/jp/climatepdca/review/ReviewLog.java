package jp.climatepdca.review;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every review decision of a cycle, kept once per completed task. */
@Service
@Transactional
public class ReviewLog {

  private final ReviewDecisionRepository decisions;
  private final DisplayNames names;

  ReviewLog(ReviewDecisionRepository decisions, DisplayNames names) {
    this.decisions = decisions;
    this.names = names;
  }

  /** A retried completion of the same task records nothing new. */
  public void record(ReviewRecord review) {
    if (!decisions.existsByTaskId(review.taskId())) {
      decisions.save(new ReviewDecision(review));
    }
  }

  @Transactional(readOnly = true)
  public List<ReviewRecord> decisions(String municipality, int fiscalYear) {
    return decisions.findByMunicipalityCodeAndFiscalYearOrderById(municipality, fiscalYear).stream()
        .map(ReviewDecision::record).toList();
  }

  /** The fiscal years in which the level approved at least once (a later return does not reopen the year). */
  @Transactional(readOnly = true)
  public List<Integer> approvedYears(String municipality, ReviewLevel level) {
    return decisions.fiscalYearsWith(municipality, level, ReviewOutcome.APPROVE);
  }

  /**
   * The latest decision at the given levels for a department (null for the city-wide levels), if it
   * returned the work: the returned-to person sees its comment.
   */
  @Transactional(readOnly = true)
  public Optional<ReviewRecord> pendingReturn(String municipality, int fiscalYear, String departmentCode,
      Collection<ReviewLevel> levels) {
    return decisions.findByMunicipalityCodeAndFiscalYearAndLevelInOrderByIdDesc(municipality, fiscalYear, levels)
        .stream().map(ReviewDecision::record)
        .filter(r -> Objects.equals(r.departmentCode(), departmentCode))
        .findFirst()
        .filter(r -> r.outcome() == ReviewOutcome.RETURN);
  }

  /** The notice of a pending return ({@link #pendingReturn}), the reviewer named by display name. */
  @Transactional(readOnly = true)
  public Optional<String> pendingReturnNotice(String municipality, int fiscalYear, String departmentCode,
      Collection<ReviewLevel> levels) {
    return pendingReturn(municipality, fiscalYear, departmentCode, levels)
        .map(r -> r.returnNotice(names.of(r.decidedBy())));
  }
}
