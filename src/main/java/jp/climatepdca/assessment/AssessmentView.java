package jp.climatepdca.assessment;

import java.time.Instant;

/** A saved self-assessment as other features read it. */
public record AssessmentView(String departmentCode, String measureCode, Progress progress, String achievements,
    String issues, String nextSteps, String updatedBy, Instant updatedAt) {}
