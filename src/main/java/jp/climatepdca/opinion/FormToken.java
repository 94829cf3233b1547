package jp.climatepdca.opinion;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The public form's CSRF and spam defence: a token signed by the server naming the town, the year and the
 * time the form was issued. No session or cookie: a post is taken only with a token this server signed for
 * this town and year (a foreign page cannot read one out of our page), issued at least the minimum fill time
 * ago (a person reads and writes; a script posts at once) and no longer ago than the token's lifetime.
 */
@Component
class FormToken {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[0-9a-f]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  enum Verdict { ACCEPTED, MISSING, FORGED, EXPIRED, TOO_FAST }

  private final OpinionSecret secret;
  private final OpinionSettings settings;

  FormToken(OpinionSecret secret, OpinionSettings settings) {
    this.secret = secret;
    this.settings = settings;
  }

  String issue(String municipality, int fiscalYear, Instant now) {
    var nonce = new byte[9];
    RANDOM.nextBytes(nonce);
    var payload = municipality + "|" + fiscalYear + "|" + now.toEpochMilli() + "|" + HexFormat.of().formatHex(nonce);
    var encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + secret.sign(encoded);
  }

  Verdict check(String token, String municipality, int fiscalYear, Instant now) {
    if (token == null || token.isBlank()) {
      return Verdict.MISSING;
    }
    if (!SHAPE.matcher(token).matches()) {
      return Verdict.FORGED;
    }
    var dot = token.indexOf('.');
    var encoded = token.substring(0, dot);
    if (!OpinionSecret.sameSignature(secret.sign(encoded), token.substring(dot + 1))) {
      return Verdict.FORGED;
    }
    var parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
    if (parts.length != 4 || !parts[0].equals(municipality) || !parts[1].equals(Integer.toString(fiscalYear))) {
      return Verdict.FORGED;
    }
    var issued = Instant.ofEpochMilli(Long.parseLong(parts[2]));
    if (issued.isAfter(now.plusSeconds(60)) || issued.plus(settings.tokenLifetime()).isBefore(now)) {
      return Verdict.EXPIRED;
    }
    return issued.plus(settings.minFillTime()).isAfter(now) ? Verdict.TOO_FAST : Verdict.ACCEPTED;
  }
}
