package jp.climatepdca.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.MunicipalityPermission;
import jp.climatepdca.system.UserInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/indicators")
class IndicatorController {

  private final IndicatorService grades;
  private final PlanIndicatorService indicators;
  private final PlanService plan;
  private final MunicipalityPermission permission;

  IndicatorController(IndicatorService grades, PlanIndicatorService indicators, PlanService plan,
      MunicipalityPermission permission) {
    this.grades = grades;
    this.indicators = indicators;
    this.plan = plan;
    this.permission = permission;
  }

  /** Anyone of the municipality may read the grades; they are published in the annual report anyway. */
  @GetMapping("/{municipality}/{fiscalYear}")
  @PreAuthorize("@roles.belongsTo(authentication, #municipality)")
  IndicatorReport grades(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear) {
    if (fiscalYear < CycleStarter.FIRST_YEAR || fiscalYear > CycleStarter.LAST_YEAR) {
      throw new UserInputException("指標の達成状況を表示できません", List.of("fiscalYear: 年度は" + CycleStarter.FIRST_YEAR
          + "〜" + CycleStarter.LAST_YEAR + "の範囲で指定してください（" + fiscalYear + "）"));
    }
    var name = plan.municipality(municipality).name();
    var all = grades.grades(municipality, fiscalYear);
    var counts = new EnumMap<IndicatorGrade, Long>(IndicatorGrade.class);
    all.forEach(g -> counts.merge(g.grade(), 1L, Long::sum));
    return new IndicatorReport(municipality, name, fiscalYear, grades.reviewYear(fiscalYear), counts, all);
  }

  /**
   * The secretariat records (or corrects) a year's actual value, for example a plan-level indicator no
   * department enters, or a statistic published after the department's self-assessment.
   */
  @PutMapping("/{municipality}/{indicator}/actuals/{valueYear}")
  ActualValueView record(@PathVariable String municipality, @PathVariable String indicator,
      @PathVariable @FiscalYear int valueYear, @RequestBody @jakarta.validation.Valid ActualValueRequest request,
      Authentication auth) {
    checkManages(auth, municipality, indicator);
    var errors = new ArrayList<String>();
    var value = ActualValueCheck.value(request.value(), "value: ", errors);
    var source = ActualValueCheck.source(request.source(), value, "source: ", errors);
    if (!errors.isEmpty()) {
      throw new UserInputException("指標の実績値を登録できません", errors);
    }
    return indicators.record(municipality, valueYear, List.of(new ActualValueInput(indicator, value, source)),
        auth.getName()).get(0);
  }

  @DeleteMapping("/{municipality}/{indicator}/actuals/{valueYear}")
  ResponseEntity<Void> remove(@PathVariable String municipality, @PathVariable String indicator,
      @PathVariable @FiscalYear int valueYear, Authentication auth) {
    checkManages(auth, municipality, indicator);
    indicators.record(municipality, valueYear, List.of(new ActualValueInput(indicator, null, null)), auth.getName());
    return ResponseEntity.noContent().build();
  }

  /** 403 before 404: an unknown municipality or indicator is only named to those who could manage one. */
  private void checkManages(Authentication auth, String municipality, String indicator) {
    if (!permission.managesMunicipality(auth, municipality)) {
      throw new AccessDeniedException("この自治体の指標の実績値を登録する権限がありません（事務局または管理者のみ）");
    }
    plan.municipality(municipality);
    indicators.indicator(municipality, indicator);
  }

  /** value: a JSON number, read exactly (no double); source: where the figure comes from. */
  record ActualValueRequest(@jakarta.validation.constraints.NotNull(message = "実績値は必須です") BigDecimal value,
      String source) {}
}
