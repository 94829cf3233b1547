package jp.climatepdca.opinion;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * The key that signs form tokens and salts client hashes. Every node must use the same one (a form served by
 * one node is posted to another; the rate limit counts one client's rows whichever node stored them): the
 * configured {@code climate-pdca.opinions.secret}, else a random key kept in the engine's property table
 * (ManagementService, public API), made by the first node that needs it. Two nodes making it at the same
 * moment both write; each reads the table again after a minute, so they agree from then on.
 */
@Component
class OpinionSecret {

  static final String PROPERTY = "climate-pdca.opinions.secret";
  private static final Duration REREAD = Duration.ofMinutes(1);

  private final String configured;
  private final ManagementService management;
  private volatile byte[] key;
  private volatile Instant readAt = Instant.EPOCH;

  OpinionSecret(OpinionSettings settings, ManagementService management) {
    this.configured = settings.secret();
    this.management = management;
  }

  /** HMAC-SHA256 of the text under the key, in hex. */
  String sign(String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The client address's hash: SHA-256 keyed by the secret (64 hex), never the address itself. */
  String clientHash(String address) {
    return sign("client:" + address);
  }

  static boolean sameSignature(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] key() {
    if (!configured.isEmpty()) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    var now = Instant.now();
    var current = key;
    if (current != null && now.isBefore(readAt.plus(REREAD))) {
      return current;
    }
    var stored = management.getProperties().get(PROPERTY);
    if (stored == null) {
      var random = new byte[32];
      new SecureRandom().nextBytes(random);
      management.setProperty(PROPERTY, HexFormat.of().formatHex(random));
      stored = management.getProperties().get(PROPERTY);
    }
    key = stored.getBytes(StandardCharsets.UTF_8);
    readAt = now;
    return key;
  }
}
