package jp.climatepdca.evaluation;

/** The Check texts of one cycle; any may still be null. */
public record EvaluationView(String secretariatSummary, String headquartersEvaluation, String liaisonMinutes) {

  static final EvaluationView EMPTY = new EvaluationView(null, null, null);
}
