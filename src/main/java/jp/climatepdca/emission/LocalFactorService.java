package jp.climatepdca.emission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.UserInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Municipality-local emission factors: the city's own figure for a catalogue factor (its local utility's
 * electricity factor, a measured waste composition). It replaces the default only for that municipality
 * and only where the default is not statutory (a locked factor is the law's, not the city's to replace).
 */
@Service
@Transactional(readOnly = true)
public class LocalFactorService {

  private static final String TITLE = "地域独自の排出係数を登録できません";

  private final LocalFactorRepository locals;
  private final EmissionFactorRepository defaults;

  LocalFactorService(LocalFactorRepository locals, EmissionFactorRepository defaults) {
    this.locals = locals;
    this.defaults = defaults;
  }

  public List<LocalFactorView> factors(String municipality) {
    return locals.findByMunicipalityCodeOrderByCodeAscGasAscValidFromAsc(municipality).stream()
        .map(LocalFactor::view).toList();
  }

  @Transactional
  public LocalFactorView add(String municipality, LocalFactorView factor, String user) {
    var errors = new ArrayList<String>();
    if (factor.code() == null || factor.code().isBlank()) {
      errors.add("code: 係数コードは必須です");
    }
    if (factor.gas() == null) {
      errors.add("gas: ガス（CO2, CH4, N2O など）は必須です");
    }
    if (factor.factor() == null) {
      errors.add("factor: 排出係数は0以上の数値で指定してください");
    } else {
      EmissionFactorService.FACTOR.check(factor.factor(), "factor: 排出係数", errors);
    }
    EmissionFactorService.validity(factor.validFrom(), factor.validTo(), errors);
    if (factor.validTo() != null && factor.validTo() < factor.validFrom()) {
      errors.add("validTo: 有効期間の終わりが始まりより前です");
    }
    if (factor.source() == null || factor.source().isBlank()) {
      errors.add("source: 出典は必須です（地域独自の係数は根拠を残してください）");
    } else if (factor.source().length() > 500) {
      errors.add("source: 出典は500文字以内で入力してください");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(TITLE, errors);
    }
    var replaced = defaults.findByCodeAndGasOrderByValidFrom(factor.code(), factor.gas()).stream()
        .map(EmissionFactor::view).filter(d -> EmissionFactorService.overlaps(d.validFrom(), d.validTo(), factor.validFrom(), factor.validTo()))
        .toList();
    if (replaced.isEmpty()) {
      throw new NotFoundException("排出係数 " + factor.code() + "（" + factor.gas() + "）に、" + factor.validFrom()
          + "年度からの期間で置き換えられる既定の係数がありません");
    }
    replaced.stream().filter(FactorView::locked).findFirst().ifPresent(d -> {
      throw new ConflictException("排出係数 " + d.code() + "（" + d.name() + "）は法定の係数のため、地域独自の係数で置き換えられません");
    });
    for (var existing : locals.findByMunicipalityCodeAndCodeAndGas(municipality, factor.code(), factor.gas())) {
      var v = existing.view();
      if (EmissionFactorService.overlaps(v.validFrom(), v.validTo(), factor.validFrom(), factor.validTo())) {
        throw new ConflictException("地域独自の排出係数 " + factor.code() + "（" + factor.gas() + "）の有効期間が既存の係数（"
            + v.validFrom() + "年度〜）と重なっています");
      }
    }
    return locals.save(new LocalFactor(new LocalFactorView(municipality, factor.code(), factor.gas(), factor.factor(),
        factor.validFrom(), factor.validTo(), factor.source().strip(), user, Instant.now()))).view();
  }
}
