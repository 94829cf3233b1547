package jp.climatepdca.opinion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.climatepdca.identity.ClientAddress;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public opinion form, without login (docs/opinions.md): the page and its post (a browser's form), and
 * the same for systems as JSON (GET .../form.json gives the window, the measures and a form token; POST
 * application/json sends the opinion with it). Every refusal is Japanese and stores nothing.
 */
@Controller
class PublicOpinionController {

  private static final String PATH = "/public/opinions/{municipality}/{year}";
  private static final Pattern MUNICIPALITY = Pattern.compile("[0-9A-Za-z_-]{1,20}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  /** A form of 2,000 characters (6 bytes each when percent-encoded) and its other fields fits well within. */
  private static final int MAX_BODY_BYTES = 32 * 1024;
  private static final Set<String> JSON_FIELDS = Set.of("senderKind", "senderName", "senderContact", "measureCode",
      "body", "consent", "token", "website");

  private static final String TOO_LARGE = "送信内容が大きすぎます。ご意見は2,000文字以内にしてください。";

  private final OpinionIntake intake;
  private final ObjectMapper json;
  private final ITemplateEngine templates;

  PublicOpinionController(OpinionIntake intake, ObjectMapper json, ITemplateEngine templates) {
    this.intake = intake;
    this.json = json;
    this.templates = templates;
  }

  @GetMapping(PATH)
  String page(@PathVariable String municipality, @PathVariable String year, Model model) {
    var fiscalYear = address(municipality, year);
    return form(municipality, fiscalYear, OpinionInput.blank(), model);
  }

  /** For systems: the window, the measures, the sender kinds and (while open) a form token to post with. */
  @GetMapping(PATH + "/form.json")
  ResponseEntity<Map<String, Object>> forSystems(@PathVariable String municipality, @PathVariable String year) {
    var fiscalYear = address(municipality, year);
    var period = intake.period(municipality, fiscalYear);
    var out = new LinkedHashMap<String, Object>();
    out.put("municipality", municipality);
    out.put("municipalityName", intake.municipalityName(municipality));
    out.put("fiscalYear", fiscalYear);
    out.put("from", period.from().toString());
    out.put("until", period.until().toString());
    out.put("open", period.open());
    out.put("measures", intake.measures(municipality, fiscalYear).stream()
        .map(m -> Map.of("code", m.code(), "name", m.name())).toList());
    out.put("senderKinds", Arrays.stream(SenderKind.values())
        .map(k -> Map.of("code", k.name(), "label", k.label())).toList());
    out.put("token", period.open() ? intake.newToken(municipality, fiscalYear) : null);
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(out);
  }

  /** The browser's form: the thank-you page, or the form again with the reasons. */
  @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String postForm(@PathVariable String municipality, @PathVariable String year, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    var fiscalYear = address(municipality, year);
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new OpinionRefused(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }
    var input = new OpinionInput(request.getParameter("senderKind"), request.getParameter("senderName"),
        request.getParameter("senderContact"), request.getParameter("measureCode"), request.getParameter("body"),
        "yes".equals(request.getParameter("consent")), request.getParameter("token"),
        request.getParameter("website"));
    try {
      var reference = intake.submit(municipality, fiscalYear, input, ClientAddress.current());
      model.addAttribute("reference", reference);
      model.addAttribute("municipalityName", intake.municipalityName(municipality));
      model.addAttribute("fiscalYear", fiscalYear);
      model.addAttribute("municipality", municipality);
      return "public/opinion-thanks";
    } catch (OpinionRefused e) {
      response.setStatus(e.status().value());
      if (e.retryAfterSeconds() > 0) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
      }
      model.addAttribute("message", e.getMessage());
      model.addAttribute("errors", e.fields());
      return form(municipality, fiscalYear, input, model);
    }
  }

  /** A system's JSON: 201 with the reference, or problem+json with the reasons. */
  @PostMapping(value = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> postJson(@PathVariable String municipality, @PathVariable String year,
      HttpServletRequest request) throws IOException {
    var fiscalYear = address(municipality, year);
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new OpinionRefused(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }
    var reference = intake.submit(municipality, fiscalYear, fromJson(request), ClientAddress.current());
    var body = new LinkedHashMap<String, Object>();
    body.put("reference", reference);
    body.put("message", "ご意見を受け付けました。受付番号は " + reference + " です。");
    return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsBytes(body));
  }

  /** Any other body (text/plain, multipart, none): what a foreign page's simple form could send. */
  @PostMapping(PATH)
  ResponseEntity<byte[]> postOther(@PathVariable String municipality, @PathVariable String year,
      HttpServletRequest request) throws IOException {
    address(municipality, year);
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "送信の形式が正しくありません（Content-Type: "
        + (request.getContentType() == null ? "なし" : request.getContentType())
        + "）。フォームから送るか、application/json で送ってください。", Map.of(), 0);
  }

  @ExceptionHandler(OpinionRefused.class)
  ResponseEntity<byte[]> refused(OpinionRefused e) throws IOException {
    return problem(e.status(), e.getMessage(), e.fields(), e.retryAfterSeconds());
  }

  /** An unknown town, a year without a cycle, a path that is no town and year: a Japanese 404 page or JSON. */
  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<byte[]> notFound(NotFoundException e, HttpServletRequest request) throws IOException {
    var type = request.getContentType();
    if (request.getRequestURI().endsWith(".json") || type != null && type.contains("json")) {
      return problem(HttpStatus.NOT_FOUND, e.getMessage(), Map.of(), 0);
    }
    var context = new Context(Locale.JAPANESE);
    context.setVariable("message", e.getMessage());
    var page = templates.process("public/opinion-not-found", context);
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(page.getBytes(StandardCharsets.UTF_8));
  }

  private String form(String municipality, int fiscalYear, OpinionInput input, Model model) {
    var period = intake.period(municipality, fiscalYear);
    model.addAttribute("municipality", municipality);
    model.addAttribute("municipalityName", intake.municipalityName(municipality));
    model.addAttribute("fiscalYear", fiscalYear);
    model.addAttribute("from", OpinionDates.japanese(period.from()));
    model.addAttribute("until", OpinionDates.japanese(period.until()));
    model.addAttribute("open", period.open());
    model.addAttribute("closedMessage", period.open() ? null : OpinionIntake.closedMessage(period));
    model.addAttribute("measures", intake.measures(municipality, fiscalYear));
    model.addAttribute("senderKinds", SenderKind.values());
    model.addAttribute("input", input);
    model.addAttribute("bodyMin", OpinionIntake.BODY_MIN);
    model.addAttribute("bodyMax", OpinionIntake.BODY_MAX);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (period.open()) {
      model.addAttribute("token", intake.newToken(municipality, fiscalYear));
    }
    return "public/opinion-form";
  }

  /** The path's town and year, read strictly: anything else is the Japanese 404. */
  private static int address(String municipality, String year) {
    if (!MUNICIPALITY.matcher(municipality).matches() || !YEAR.matcher(year).matches()) {
      throw new NotFoundException("意見を募集しているページではありません");
    }
    return Integer.parseInt(year);
  }

  private OpinionInput fromJson(HttpServletRequest request) throws IOException {
    JsonNode node;
    try {
      node = json.readTree(request.getInputStream().readNBytes(MAX_BODY_BYTES + 1));
    } catch (JsonProcessingException e) {
      throw new OpinionRefused(HttpStatus.BAD_REQUEST, "JSON として読めません。");
    }
    if (node == null || !node.isObject()) {
      throw new OpinionRefused(HttpStatus.BAD_REQUEST, "JSON のオブジェクトで送ってください。");
    }
    var errors = new LinkedHashMap<String, String>();
    node.fieldNames().forEachRemaining(f -> {
      if (!JSON_FIELDS.contains(f)) {
        errors.put(f, "知らない項目です。");
      }
    });
    for (var field : JSON_FIELDS) {
      var value = node.get(field);
      if (value != null && !value.isNull() && !(field.equals("consent") ? value.isBoolean() : value.isTextual())) {
        errors.put(field, field.equals("consent") ? "true か false で指定してください。" : "文字列で指定してください。");
      }
    }
    if (!errors.isEmpty()) {
      throw new OpinionRefused(HttpStatus.BAD_REQUEST, "入力内容を確認してください。", errors, 0);
    }
    return new OpinionInput(text(node, "senderKind"), text(node, "senderName"), text(node, "senderContact"),
        text(node, "measureCode"), text(node, "body"), node.path("consent").asBoolean(false), text(node, "token"),
        text(node, "website"));
  }

  private static String text(JsonNode node, String field) {
    var value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private ResponseEntity<byte[]> problem(HttpStatus status, String detail, Map<String, String> errors,
      long retryAfter) throws JsonProcessingException {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status.value());
    body.put("detail", detail);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter > 0) {
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }
    return answer.body(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case CONFLICT -> "受付期間外です";
      case TOO_MANY_REQUESTS -> "送信が多すぎます";
      case SERVICE_UNAVAILABLE -> "混み合っています";
      default -> Problems.title(status);
    };
  }
}
