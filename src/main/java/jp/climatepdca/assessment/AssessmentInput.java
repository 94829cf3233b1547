package jp.climatepdca.assessment;

/** What a department submits for one measure. */
public record AssessmentInput(String measureCode, Progress progress, String achievements, String issues,
    String nextSteps) {}
