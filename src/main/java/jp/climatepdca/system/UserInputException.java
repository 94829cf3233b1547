package jp.climatepdca.system;

import java.util.List;

/**
 * Input a person can correct: answered with 400 and every message, in Japanese, naming the field or
 * line. Thrown before anything is saved, or inside a transaction that it rolls back.
 */
public class UserInputException extends RuntimeException {

  private final List<String> errors;

  public UserInputException(String title, List<String> errors) {
    super(title + ": " + String.join(" / ", errors));
    this.errors = List.copyOf(errors);
  }

  public UserInputException(String message) {
    this(message, List.of());
  }

  public List<String> errors() {
    return errors;
  }
}
