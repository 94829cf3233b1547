package jp.climatepdca.review;

/** The two answers of every review form; the form's values are these names. */
public enum ReviewOutcome {
  APPROVE,
  RETURN
}
