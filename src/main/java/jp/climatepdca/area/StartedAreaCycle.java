package jp.climatepdca.area;

import java.util.List;

/** The answer to an area cycle's start: each member's cycle, started or adopted. */
public record StartedAreaCycle(String processInstanceId, String businessKey, String area, int fiscalYear,
    List<Member> members) {

  /** {@code joined}: STARTED (its cycle was started now) or ADOPTED (it was already running). */
  public record Member(String municipality, String joined, String processInstanceId) {}
}
