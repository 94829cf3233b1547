package jp.climatepdca.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the application's JSON reader (the /api bodies, plan files, form rows in task variables) accepts
 * beyond the syntax:
 * <ul>
 *   <li>a number of at most {@value #MAX_NUMBER_LENGTH} characters: no field of ours holds a longer one,
 *       and a 10,000-digit number costs parsing time before any check could refuse it;</li>
 *   <li>at most {@value #MAX_DEPTH} levels of nesting: a plan file has four, and deep nesting costs stack;</li>
 *   <li>each key once per object: with two, Jackson would keep the last silently, while whatever read the
 *       body before (a proxy, a person reviewing it) may have seen the first;</li>
 *   <li>no fraction where a whole number belongs: {@code "fiscalYear": 2100.99} would be read as 2100;</li>
 *   <li>nothing after the JSON value.</li>
 * </ul>
 * Each refusal reaches the client as a 400 through {@link ApiExceptionHandler}.
 */
@Configuration
public class JsonReadLimits {

  private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_DEPTH = 32;

  /** The same limits on any reader: Spring's mapper here, Camunda's REST mapper in {@link jp.climatepdca.engine.SharedRestMapper}. */
  public static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).maxNestingDepth(MAX_DEPTH).build();
  }

  /**
   * A reading error these limits caused, in Japanese for the person who sent the JSON (Jackson's own
   * text is English), or empty for any other error.
   */
  public static java.util.Optional<String> describe(Throwable error) {
    for (var cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
        return java.util.Optional.of("JSON が上限を超えています（数値は" + MAX_NUMBER_LENGTH + "文字まで、入れ子は"
            + MAX_DEPTH + "段まで）");
      }
      var duplicate = cause.getMessage() == null ? null : DUPLICATE.matcher(cause.getMessage());
      if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException && duplicate.find()) {
        var field = duplicate.group(1);
        return java.util.Optional.of("JSON で項目 \"" + Quoted.cut(field)
            + "\" が2回以上指定されています。1回にしてください");
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * What to tell whoever sent a body no reader could read, /api and /engine-rest alike: the limit it broke,
   * else where its JSON stops being JSON, else that there is none.
   */
  public static String unreadable(Throwable error) {
    var limit = describe(error);
    if (limit.isPresent()) {
      return "リクエストの" + limit.get();
    }
    if (error instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      return "リクエストの JSON が正しくありません（" + j.getLocation().getLineNr() + "行目 "
          + j.getLocation().getColumnNr() + "列目）";
    }
    return "リクエストの本文がありません、または JSON として読めません";
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimitsCustomizer() {
    return builder -> builder
        .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints()));
  }
}
