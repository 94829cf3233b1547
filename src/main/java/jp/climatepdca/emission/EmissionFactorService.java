package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.NumberField;
import jp.climatepdca.system.UserInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emission-factor catalogue the secretariat keeps. Validity periods of one code and gas never overlap,
 * so for any year a row of activity data meets exactly one factor per gas and is never counted twice.
 */
@Service
@Transactional(readOnly = true)
public class EmissionFactorService {

  /**
   * t-CO2 (equivalent) per unit, numeric(20, 10). Below 1,000 so that an activity amount below 10^12 in
   * a unit up to 1,000 times the factor's gives a line below 10^18 t-CO2, which its column holds.
   */
  static final NumberField FACTOR = NumberField.below("0", "1000", 10);
  /** Fiscal years a factor can be valid in. */
  static final NumberField YEAR = NumberField.between("1990", "2100", 0);

  private final EmissionFactorRepository factors;

  EmissionFactorService(EmissionFactorRepository factors) {
    this.factors = factors;
  }

  public List<FactorView> catalogue() {
    return factors.findAllByOrderByCodeAscGasAscValidFromAsc().stream().map(EmissionFactor::view).toList();
  }

  @Transactional
  public FactorView add(FactorView factor) {
    var errors = new ArrayList<String>();
    if (factor.code() == null || factor.code().isBlank()) {
      errors.add("code: 係数コードは必須です");
    }
    if (factor.name() == null || factor.name().isBlank()) {
      errors.add("name: 名称は必須です");
    }
    if (factor.kind() == null) {
      errors.add("kind: 種類（FUEL, ELECTRICITY, WASTE）は必須です");
    }
    if (factor.gas() == null) {
      errors.add("gas: ガス（CO2, CH4, N2O など）は必須です");
    }
    if (factor.unit() == null || !Units.isKnown(factor.unit())) {
      errors.add("unit: 単位 \"" + factor.unit() + "\" は使えません");
    }
    if (factor.factor() == null) {
      errors.add("factor: 排出係数は0以上の数値で指定してください");
    } else {
      FACTOR.check(factor.factor(), "factor: 排出係数", errors);
    }
    validity(factor.validFrom(), factor.validTo(), errors);
    if (factor.validTo() != null && factor.validTo() < factor.validFrom()) {
      errors.add("validTo: 有効期間の終わりが始まりより前です");
    }
    if (factor.source() == null || factor.source().isBlank()) {
      errors.add("source: 出典は必須です");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException("排出係数を登録できません", errors);
    }
    for (var existing : factors.findByCodeAndGasOrderByValidFrom(factor.code(), factor.gas())) {
      if (overlaps(existing.view(), factor)) {
        throw new ConflictException("排出係数 " + factor.code() + "（" + factor.gas() + "）の有効期間が既存の係数（"
            + existing.view().validFrom() + "年度〜）と重なっています");
      }
    }
    return factors.save(new EmissionFactor(factor)).view();
  }

  static void validity(int validFrom, Integer validTo, List<String> errors) {
    YEAR.check(BigDecimal.valueOf(validFrom), "validFrom: 有効期間の始まり（年度）", errors);
    if (validTo != null) {
      YEAR.check(BigDecimal.valueOf(validTo), "validTo: 有効期間の終わり（年度）", errors);
    }
  }

  /** Corrects a yearly factor in place; a locked (statutory) one refuses with 409. */
  @Transactional
  public FactorView change(String code, Gas gas, int validFrom, BigDecimal factor, String source) {
    var errors = new ArrayList<String>();
    if (factor == null) {
      errors.add("factor: 0以上の数値を指定してください");
    } else {
      FACTOR.check(factor, "factor: 排出係数", errors);
    }
    if (source == null || source.isBlank()) {
      errors.add("source: 出典を指定してください");
    } else if (source.length() > 500) {
      errors.add("source: 出典は500文字以内で入力してください");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException("排出係数を変更できません", errors);
    }
    var existing = factors.findByCodeAndGasOrderByValidFrom(code, gas).stream()
        .filter(f -> f.view().validFrom() == validFrom).findFirst()
        .orElseThrow(() -> new NotFoundException("排出係数 " + code + "（" + gas + "、" + validFrom + "年度〜）は登録されていません"));
    existing.change(factor, source);
    return existing.view();
  }

  private static boolean overlaps(FactorView a, FactorView b) {
    return overlaps(a.validFrom(), a.validTo(), b.validFrom(), b.validTo());
  }

  /** Whether two ranges of fiscal years meet; an open end (null) runs on for ever. */
  static boolean overlaps(int aFrom, Integer aTo, int bFrom, Integer bTo) {
    var aEnd = aTo == null ? Integer.MAX_VALUE : aTo;
    var bEnd = bTo == null ? Integer.MAX_VALUE : bTo;
    return aFrom <= bEnd && bFrom <= aEnd;
  }
}
