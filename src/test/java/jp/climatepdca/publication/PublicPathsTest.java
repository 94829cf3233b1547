package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * If-None-Match as the stored downloads read it before touching their bytes (the HTTP tests cannot tell
 * this from Spring's own check, which answers the same 304 after the bytes were read).
 */
class PublicPathsTest {

  private static final String ETAG = "\"ab12\"";

  @Test
  void anIfNoneMatchNamingTheEtagOrAnyMatches() {
    assertThat(PublicPaths.matchesAny(ETAG, ETAG)).isTrue();
    assertThat(PublicPaths.matchesAny("W/" + ETAG, ETAG)).as("weak comparison").isTrue();
    assertThat(PublicPaths.matchesAny("\"x\", " + ETAG, ETAG)).isTrue();
    assertThat(PublicPaths.matchesAny("\"x\",W/" + ETAG + " ,\"y\"", ETAG)).isTrue();
    assertThat(PublicPaths.matchesAny("*", ETAG)).isTrue();
  }

  @Test
  void anythingElseDoesNot() {
    assertThat(PublicPaths.matchesAny(null, ETAG)).isFalse();
    assertThat(PublicPaths.matchesAny("", ETAG)).isFalse();
    assertThat(PublicPaths.matchesAny("ab12", ETAG)).as("unquoted").isFalse();
    assertThat(PublicPaths.matchesAny("\"ab1\", \"ab123\"", ETAG)).isFalse();
    assertThat(PublicPaths.matchesAny("W/\"x\"", ETAG)).isFalse();
  }
}
