package jp.climatepdca.opinion;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an opinion from the public form, or refuses it with nothing stored (docs/opinions.md): the town's
 * year must have a cycle (404) and an open window (409), the form token must be this server's for this town
 * and year and not too fresh (CSRF and scripts), the honeypot empty, the client under its hourly limit
 * (counted in public_opinion, so every node sees the same count), and every field within its limits.
 */
@Service
class OpinionIntake {

  static final int BODY_MIN = 10;
  static final int BODY_MAX = 2000;
  static final int NAME_MAX = 100;
  static final int CONTACT_MAX = 200;
  /** The neutral answer to a script: it says nothing about which guard caught it. */
  static final String NEUTRAL = "送信を受け付けられませんでした。お手数ですが、ページを開き直してもう一度お送りください。";

  static final String BUSY = "ただいま混み合っています。お手数ですが、少し時間をおいてもう一度お送りください。";

  private static final Logger LOG = LoggerFactory.getLogger(OpinionIntake.class);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)");
  /** Control characters but tab and line breaks: PostgreSQL refuses NUL, and none belongs in a text. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\t]");

  private final OpinionWindow window;
  private final FormToken tokens;
  private final OpinionSecret secret;
  private final OpinionSettings settings;
  private final PublicOpinionRepository opinions;
  private final PlanService plan;
  private final CycleSchedule schedule;
  private final OpinionClients clients;
  private final TransactionTemplate ownTransaction;

  OpinionIntake(OpinionWindow window, FormToken tokens, OpinionSecret secret, OpinionSettings settings,
      PublicOpinionRepository opinions, PlanService plan, CycleSchedule schedule, OpinionClients clients,
      PlatformTransactionManager transactions) {
    this.window = window;
    this.tokens = tokens;
    this.secret = secret;
    this.settings = settings;
    this.opinions = opinions;
    this.plan = plan;
    this.schedule = schedule;
    this.clients = clients;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The town's window for the year, or 404 when the town has no cycle that year. */
  OpinionWindow.Period period(String municipality, int fiscalYear) {
    return window.of(municipality, fiscalYear).orElseThrow(() -> new NotFoundException(
        "意見を募集している年度ではありません（" + municipality + "、" + fiscalYear + "年度）"));
  }

  /** The measures an opinion may name: those the cycle checks (the plan version in force in its review year). */
  List<MeasureView> measures(String municipality, int fiscalYear) {
    return plan.activeMeasures(municipality, schedule.reviewYear(fiscalYear));
  }

  String municipalityName(String municipality) {
    return plan.findMunicipality(municipality).map(m -> m.name()).orElse(municipality);
  }

  String newToken(String municipality, int fiscalYear) {
    return tokens.issue(municipality, fiscalYear, window.clock().instant());
  }

  /** Stores the opinion and returns its reference, or throws OpinionRefused (nothing stored). */
  String submit(String municipality, int fiscalYear, OpinionInput input, String clientAddress) {
    var period = period(municipality, fiscalYear);
    if (!period.open()) {
      throw new OpinionRefused(HttpStatus.CONFLICT, closedMessage(period));
    }
    var now = window.clock().instant();
    switch (tokens.check(input.token(), municipality, fiscalYear, now)) {
      case MISSING, FORGED -> throw refusedAsScript("token", municipality, fiscalYear,
          "フォームの確認情報が正しくありません。ページを開き直してからお送りください。");
      case EXPIRED -> throw new OpinionRefused(HttpStatus.BAD_REQUEST,
          "入力画面を開いてから時間がたちすぎました。お手数ですが、ページを開き直してからお送りください。");
      case TOO_FAST -> throw refusedAsScript("fill time", municipality, fiscalYear, NEUTRAL);
      case ACCEPTED -> { }
    }
    if (input.website() != null && !input.website().isEmpty()) {
      throw refusedAsScript("honeypot", municipality, fiscalYear, NEUTRAL);
    }
    var client = secret.clientHash(clientAddress);
    // a flood is refused before any work; the exact count follows under the client's lock
    refuseOverTheLimit(client, now.minus(HOUR), now, municipality, fiscalYear);
    var valid = validate(municipality, fiscalYear, input);
    clients.register(client);
    // numbered per town and year: count + 1; two clients posting to one town at once may pick the same number,
    // and the unique key refuses the second, which then tries again and takes the next one
    for (var attempt = 1; ; attempt++) {
      try {
        return ownTransaction.execute(status -> {
          // one client's posts one after another (a script's burst, a double click): counted exactly
          clients.lock(client);
          var at = window.clock().instant();
          var since = at.minus(HOUR);
          refuseOverTheLimit(client, since, at, municipality, fiscalYear);
          var duplicate = opinions.findFirstByClientHashAndMunicipalityCodeAndFiscalYearAndBodyAndReceivedAtBetween(
              client, municipality, fiscalYear, valid.body(), since, at);
          if (duplicate.isPresent()) {
            // the same text again within the hour (a reloaded page, a double click): the first one's reference
            return duplicate.get().reference();
          }
          var number = opinions.countByMunicipalityCodeAndFiscalYear(municipality, fiscalYear) + 1;
          var reference = String.format("O-%d-%04d", fiscalYear, number);
          opinions.saveAndFlush(valid.toOpinion(municipality, fiscalYear, reference, at, client));
          return reference;
        });
      } catch (DataIntegrityViolationException | TransientDataAccessException busy) {
        // a number taken at the same moment, or a lock not had in time (H2 waits 2 s) behind this client's posts
        if (attempt >= 5) {
          LOG.warn("public opinion to {} {} not stored after {} attempts: {}", municipality, fiscalYear, attempt,
              busy.getClass().getSimpleName());
          throw new OpinionRefused(HttpStatus.SERVICE_UNAVAILABLE, BUSY, Map.of(), 10);
        }
      }
    }
  }

  private void refuseOverTheLimit(String client, Instant since, Instant now, String municipality, int fiscalYear) {
    if (opinions.countByClientHashAndReceivedAtBetween(client, since, now) < settings.perClientPerHour()) {
      return;
    }
    var retry = opinions.findFirstByClientHashAndReceivedAtBetweenOrderByReceivedAtAsc(client, since, now)
        .map(o -> Duration.between(now, o.receivedAt().plus(HOUR)).toSeconds() + 1).orElse(HOUR.toSeconds());
    LOG.warn("public opinion to {} {} refused: client {} posted {} in the last hour", municipality, fiscalYear,
        client.substring(0, 12), settings.perClientPerHour());
    throw new OpinionRefused(HttpStatus.TOO_MANY_REQUESTS, "短い時間に多くの意見が送られたため、受付を一時停止しています。"
        + "約" + Math.max(1, (retry + 59) / 60) + "分後にもう一度お送りください。", Map.of(), Math.max(1, retry));
  }

  private PublicOpinion.Fields validate(String municipality, int fiscalYear, OpinionInput input) {
    var errors = new LinkedHashMap<String, String>();
    SenderKind kind = null;
    try {
      kind = input.senderKind() == null ? null : SenderKind.valueOf(input.senderKind());
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    if (kind == null) {
      errors.put("senderKind", "「市民」「事業者」「団体」のいずれかを選んでください。");
    }
    var name = oneLine(input.senderName(), NAME_MAX, "お名前", "senderName", errors);
    var contact = oneLine(input.senderContact(), CONTACT_MAX, "連絡先", "senderContact", errors);
    var measure = blankToNull(input.measureCode());
    if (measure != null && measures(municipality, fiscalYear).stream().noneMatch(m -> m.code().equals(measure))) {
      errors.put("measureCode", "選んだ施策はこの年度の計画にありません。一覧から選び直してください。");
    }
    var body = input.body() == null ? "" : input.body().replace("\r\n", "\n").replace('\r', '\n').strip();
    var length = body.codePointCount(0, body.length());
    if (length < BODY_MIN) {
      errors.put("body", "ご意見は" + BODY_MIN + "文字以上で入力してください（現在" + length + "文字）。");
    } else if (body.length() > BODY_MAX) {
      errors.put("body", "ご意見は" + BODY_MAX + "文字以内で入力してください（現在" + length + "文字）。");
    } else if (CONTROL.matcher(body).find()) {
      errors.put("body", "ご意見に使えない制御文字が含まれています。");
    } else if (LINK.matcher(body).results().count() > settings.maxLinks()) {
      errors.put("body", "URL（リンク）は" + settings.maxLinks() + "件までにしてください。");
    }
    if (!input.consent()) {
      errors.put("consent", "お名前と連絡先を除いたご意見の内容が公表されることへの同意が必要です。");
    }
    if (!errors.isEmpty()) {
      throw new OpinionRefused(HttpStatus.BAD_REQUEST, "入力内容を確認してください。", errors, 0);
    }
    return new PublicOpinion.Fields(kind, name, contact, measure, body);
  }

  private static String oneLine(String value, int max, String label, String field, Map<String, String> errors) {
    var text = blankToNull(value);
    if (text == null) {
      return null;
    }
    if (text.length() > max) {
      errors.put(field, label + "は" + max + "文字以内で入力してください（現在" + text.codePointCount(0, text.length())
          + "文字）。");
    } else if (CONTROL.matcher(text).find() || LINE_BREAK.matcher(text).find()) {
      errors.put(field, label + "は改行や制御文字を含めずに1行で入力してください。");
    }
    return text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String closedMessage(OpinionWindow.Period period) {
    return "現在、この年度の意見は受け付けていません（受付期間: " + OpinionDates.japanese(period.from()) + "〜"
        + OpinionDates.japanese(period.until()) + (period.cycleRunning() ? "" : "、この年度の進行管理は終了しました") + "）。";
  }

  private static OpinionRefused refusedAsScript(String guard, String municipality, int fiscalYear, String message) {
    LOG.warn("public opinion to {} {} refused by the {} guard", municipality, fiscalYear, guard);
    return new OpinionRefused(HttpStatus.BAD_REQUEST, message);
  }
}
