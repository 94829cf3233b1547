package jp.climatepdca.system;

/** Answered with 404; the message names what was looked for. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
