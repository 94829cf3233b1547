package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTest {

  @Test
  void aShortValueIsQuotedWhole() {
    assertThat(Quoted.cut("省エネ診断")).isEqualTo("省エネ診断");
    assertThat(Quoted.cut("a".repeat(40))).isEqualTo("a".repeat(40));
    assertThat(Quoted.cut(null)).isNull();
  }

  @Test
  void aLongValueKeepsItsFirstFortyCharacters() {
    assertThat(Quoted.cut("あ".repeat(41))).isEqualTo("あ".repeat(40) + "…");
    assertThat(Quoted.cut("x".repeat(5000), 20)).isEqualTo("x".repeat(20) + "…");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNeverCutInHalf() {
    // 𠮷 (U+20BB7, as in 𠮷田) is two Java chars: a cut at 40 chars would have left half of it
    var name = "a".repeat(39) + "𠮷田太郎";
    var quoted = Quoted.cut(name);
    assertThat(quoted).isEqualTo("a".repeat(39) + "𠮷…");
    assertThat(quoted.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)).isTrue();
    // and forty of them are forty characters, quoted whole
    assertThat(Quoted.cut("𠮷".repeat(40))).isEqualTo("𠮷".repeat(40));
    assertThat(Quoted.cut("𠮷".repeat(41))).isEqualTo("𠮷".repeat(40) + "…");
  }
}
