package jp.climatepdca.system;

/** The request clashes with what already exists (a cycle started twice): answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
