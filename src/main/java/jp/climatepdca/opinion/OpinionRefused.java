package jp.climatepdca.opinion;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An opinion not taken, and why, in Japanese: {@code fields} names each field's problem (shown next to the
 * field), {@code message} the whole post's; nothing was stored.
 */
class OpinionRefused extends RuntimeException {

  private final HttpStatus status;
  private final transient Map<String, String> fields;
  private final long retryAfterSeconds;

  OpinionRefused(HttpStatus status, String message, Map<String, String> fields, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.fields = Map.copyOf(fields);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  OpinionRefused(HttpStatus status, String message) {
    this(status, message, Map.of(), 0);
  }

  HttpStatus status() {
    return status;
  }

  Map<String, String> fields() {
    return fields;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
