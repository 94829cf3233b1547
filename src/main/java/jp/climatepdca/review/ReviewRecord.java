package jp.climatepdca.review;

import java.time.Instant;

/** One review decision as other features read it. */
public record ReviewRecord(String municipality, int fiscalYear, String departmentCode, ReviewLevel level,
    ReviewOutcome outcome, String comment, String taskId, String decidedBy, Instant decidedAt) {

  /** What the person the work went back to reads at the top of their form, naming the reviewer as staff know them. */
  public String returnNotice(String reviewerName) {
    return level.label() + "から差し戻されました（" + reviewerName + "）: " + (comment == null ? "" : comment);
  }
}
