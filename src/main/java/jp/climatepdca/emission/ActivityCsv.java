package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.climatepdca.system.NumberField;
import jp.climatepdca.system.Quoted;

/**
 * Reads an activity-data CSV (or Excel sheet) for one inventory year against the factor catalogue. Every bad cell is
 * reported with its 行 and column, as the person's header names it; a file with any error yields no lines.
 */
final class ActivityCsv {

  private static final int MAX_ERRORS = 100;
  private static final int MAX_SCALE = 6;
  /**
   * numeric(24, 6); below 10^12 so that the amount in the factor's unit (at most 1,000 times it) times a
   * factor (below 1,000) stays below 10^18 t-CO2, which the line's column holds.
   */
  static final NumberField AMOUNT = NumberField.below("0", "1e12", MAX_SCALE);
  private static final Pattern NUMBER = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
  private static final Map<String, String> HEADERS = headers();

  /** code or name → its factors (every gas, every period). */
  private final Map<String, List<EmissionFactor>> catalogue = new HashMap<>();
  private final int year;

  /** {@code catalogue} is every factor; the year picks the valid ones, to tell "unknown" from "not valid". */
  ActivityCsv(List<EmissionFactor> catalogue, int year) {
    for (var factor : catalogue) {
      var view = factor.view();
      this.catalogue.computeIfAbsent(view.code(), k -> new ArrayList<>()).add(factor);
      if (!view.name().equals(view.code())) {
        this.catalogue.computeIfAbsent(view.name(), k -> new ArrayList<>()).add(factor);
      }
    }
    this.year = year;
  }

  static final class Invalid extends RuntimeException {
    final List<String> errors;

    Invalid(List<String> errors) {
      super(String.join(" / ", errors));
      this.errors = errors;
    }
  }

  List<ActivityLine> read(String text) {
    try {
      return read(CsvReader.read(text == null ? "" : text));
    } catch (CsvReader.MalformedCsv e) {
      throw new Invalid(List.of(e.line + "行目: " + e.getMessage()));
    }
  }

  /** The same checks for rows from another source (an Excel sheet); the first row is the header. */
  List<ActivityLine> read(List<CsvReader.Record> records) {
    if (records.isEmpty()) {
      throw new Invalid(List.of("1行目: 見出し行がありません（部門,小部門,燃料,活動量,単位,出典）"));
    }
    var header = records.get(0);
    var columns = columns(header);
    if (records.size() == 1) {
      throw new Invalid(List.of((header.line() + 1) + "行目: データ行がありません"));
    }
    var errors = new ArrayList<String>();
    var lines = new ArrayList<ActivityLine>(records.size());
    for (var record : records.subList(1, records.size())) {
      // Fewer cells are allowed (spreadsheets drop empty trailing cells); a cut-off row then misses a
      // required cell and is reported by name. More cells than the header means misplaced commas.
      if (record.cells().size() > header.cells().size()) {
        errors.add(record.line() + "行目: 列の数が見出しより多くなっています（見出し" + header.cells().size() + "列、この行"
            + record.cells().size() + "列）。数値の桁区切りのカンマは \"1,000\" のように引用符で囲んでください");
      } else {
        new Row(record, columns, errors).line().ifPresent(lines::add);
      }
      if (errors.size() >= MAX_ERRORS) {
        errors.add("エラーが多いため、以降の行は確認していません");
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return lines;
  }

  /** field → column index and the header text the person wrote. */
  private Map<String, Column> columns(CsvReader.Record header) {
    var columns = new HashMap<String, Column>();
    for (var i = 0; i < header.cells().size(); i++) {
      var text = header.cells().get(i).strip();
      var field = HEADERS.get(text);
      if (field != null) {
        columns.put(field, new Column(i, text));
      }
    }
    var missing = List.of("sector", "fuel", "amount", "unit", "source").stream()
        .filter(f -> !columns.containsKey(f)).map(ActivityCsv::japanese).toList();
    if (!missing.isEmpty()) {
      throw new Invalid(List.of(header.line() + "行目: 見出しに " + String.join("・", missing)
          + " の列がありません（見出し: 部門,小部門,燃料,活動量,単位,出典,ガス）"));
    }
    return columns;
  }

  private record Column(int index, String title) {}

  /** The factor a line uses, and the multiplier from the line's unit to the factor's. */
  private record Match(String code, java.math.BigDecimal conversion) {}

  /** One data row; adds an error per bad cell. */
  private final class Row {
    private final CsvReader.Record record;
    private final Map<String, Column> columns;
    private final List<String> errors;
    private boolean ok = true;

    Row(CsvReader.Record record, Map<String, Column> columns, List<String> errors) {
      this.record = record;
      this.columns = columns;
      this.errors = errors;
    }

    Optional<ActivityLine> line() {
      var sectorText = cell("sector");
      var sector = InventorySector.parse(sectorText);
      if (sectorText.isEmpty()) {
        error("sector", "部門は必須です");
      } else if (sector.isEmpty()) {
        error("sector", "部門「" + sectorText + "」は使えません（産業・業務その他・家庭・運輸・廃棄物）");
      }
      var subSector = cell("subSector");
      if (subSector.length() > 100) {
        error("subSector", "100文字以内で入力してください");
      }
      var source = cell("source");
      if (source.isEmpty()) {
        error("source", "出典は必須です");
      } else if (source.length() > 500) {
        error("source", "500文字以内で入力してください");
      }
      var amount = amount();
      var unit = Units.normalize(cell("unit"));
      var direct = Units.TONNES_CO2.equalsIgnoreCase(unit.replace("₂", "2"));
      String factorCode = null;
      BigDecimal factorAmount = null;
      var gas = Gas.CO2;
      if (direct) {
        gas = gas();
      } else {
        var factor = factor(unit);
        if (factor.isPresent() && amount != null) {
          factorCode = factor.get().code();
          factorAmount = amount.multiply(factor.get().conversion());
        }
      }
      if (!ok) {
        return Optional.empty();
      }
      return Optional.of(new ActivityLine(record.line(), sector.orElseThrow(), subSector.isEmpty() ? null : subSector,
          factorCode, amount, direct ? Units.TONNES_CO2 : unit, factorAmount, gas, source));
    }

    private BigDecimal amount() {
      var text = cell("amount");
      if (text.isEmpty()) {
        error("amount", "活動量は必須です");
        return null;
      }
      if (text.length() > NumberField.MAX_TEXT || !NUMBER.matcher(text).matches()) {
        error("amount", "数値で入力してください（\"" + Quoted.cut(text, NumberField.MAX_TEXT) + "\"）");
        return null;
      }
      var value = new BigDecimal(text.replace(",", ""));
      if (value.signum() < 0) {
        error("amount", "0以上の数値で入力してください（" + text + "）");
        return null;
      }
      if (value.stripTrailingZeros().scale() > MAX_SCALE) {
        error("amount", "小数点以下は" + MAX_SCALE + "桁までで入力してください（" + text + "）");
        return null;
      }
      var problems = new ArrayList<String>();
      if (!AMOUNT.check(value, "値", problems)) {
        error("amount", problems.get(0));
        return null;
      }
      return value;
    }

    private Gas gas() {
      var text = cell("gas");
      if (text.isEmpty()) {
        return Gas.CO2;
      }
      return Gas.parse(text).orElseGet(() -> {
        error("gas", "ガス「" + text + "」は使えません（CO2, CH4, N2O, HFCS, PFCS, SF6, NF3）");
        return Gas.CO2;
      });
    }

    /** The fuel's factor for the year (the first gas: every gas of a code has the same unit). */
    private Optional<Match> factor(String unit) {
      var fuel = cell("fuel");
      if (fuel.isEmpty()) {
        error("fuel", "燃料は必須です（t-CO2 で直接入力する場合は単位を t-CO2 にしてください）");
        return Optional.empty();
      }
      var named = catalogue.getOrDefault(fuel, List.of());
      if (named.isEmpty()) {
        error("fuel", "燃料「" + fuel + "」は排出係数一覧にありません");
        return Optional.empty();
      }
      var valid = named.stream().filter(f -> f.validIn(year)).findFirst();
      if (valid.isEmpty()) {
        error("fuel", "燃料「" + fuel + "」には" + year + "年度に有効な排出係数がありません");
        return Optional.empty();
      }
      var factorUnit = valid.get().view().unit();
      if (unit.isEmpty()) {
        error("unit", "単位は必須です（燃料「" + fuel + "」の係数の単位は " + factorUnit + "）");
        return Optional.empty();
      }
      var conversion = Units.conversion(unit, factorUnit);
      if (conversion.isEmpty()) {
        error("unit", "単位「" + unit + "」は燃料「" + fuel + "」の係数の単位（" + factorUnit + "）と合いません");
        return Optional.empty();
      }
      return Optional.of(new Match(valid.get().view().code(), conversion.get()));
    }

    private String cell(String field) {
      var column = columns.get(field);
      return column == null || column.index() >= record.cells().size() ? ""
          : record.cells().get(column.index()).strip();
    }

    private void error(String field, String message) {
      ok = false;
      var column = columns.get(field);
      errors.add(record.line() + "行目 " + (column == null ? japanese(field) : column.title()) + ": " + message);
    }
  }

  private static String japanese(String field) {
    return HEADERS.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst()
        .orElse(field);
  }

  private static Map<String, String> headers() {
    var map = new java.util.LinkedHashMap<String, String>();
    List.of("部門", "sector").forEach(h -> map.put(h, "sector"));
    List.of("小部門", "細部門", "区分", "subSector").forEach(h -> map.put(h, "subSector"));
    List.of("燃料", "エネルギー種", "係数コード", "fuel").forEach(h -> map.put(h, "fuel"));
    List.of("活動量", "数量", "amount").forEach(h -> map.put(h, "amount"));
    List.of("単位", "unit").forEach(h -> map.put(h, "unit"));
    List.of("出典", "source").forEach(h -> map.put(h, "source"));
    List.of("ガス", "gas").forEach(h -> map.put(h, "gas"));
    return map;
  }
}
