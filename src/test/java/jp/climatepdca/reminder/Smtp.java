package jp.climatepdca.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail) on a free port the reminder tests' application sends to; what it received,
 * by mailbox. It can be stopped and started again on the same port, as a mail server that was down.
 */
final class Smtp {

  private final int port;
  private volatile GreenMail server;

  private Smtp(GreenMail server) {
    this.server = server;
    this.port = server.getSmtp().getPort();
  }

  static Smtp start() {
    var server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    return new Smtp(server);
  }

  int port() {
    return port;
  }

  void stop() {
    server.stop();
  }

  /** Up again on the same port, with empty mailboxes. */
  void restart() {
    var again = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
    again.start();
    server = again;
  }

  /** The messages delivered to this address (a message to several people is in each one's mailbox). */
  List<MimeMessage> received(String address) {
    return server.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), m -> true).toList();
  }

  /** Waits until the address has received {@code count} messages, then returns them. */
  List<MimeMessage> await(String address, int count) {
    return Awaitility.await(count + " mail(s) to " + address).atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200)).until(() -> received(address), list -> list.size() >= count);
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
