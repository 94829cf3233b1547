package jp.climatepdca.opinion;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-client lock of the opinion form (V33 opinion_client): without it, posts sent at once all counted the
 * same hour before any of them was stored, and twenty went through a limit of five. A row lock, not a lock in
 * this JVM, so two nodes behind the proxy wait for each other too.
 */
@Component
class OpinionClients {

  private final JdbcTemplate jdbc;

  OpinionClients(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes sure the client has its row, in a statement of its own (outside the post's transaction). */
  void register(String clientHash) {
    if (exists(clientHash)) {
      return;
    }
    try {
      jdbc.update("insert into opinion_client (client_hash) values (?)", clientHash);
    } catch (DuplicateKeyException sameMoment) {
      // another post of this client inserted it first: the row is there, which is all we need
    }
  }

  /** Waits for the client's other posts to commit; held until the caller's transaction ends. */
  void lock(String clientHash) {
    jdbc.queryForList("select client_hash from opinion_client where client_hash = ? for update", String.class,
        clientHash);
  }

  private boolean exists(String clientHash) {
    return !jdbc.queryForList("select client_hash from opinion_client where client_hash = ?", String.class,
        clientHash).isEmpty();
  }
}
