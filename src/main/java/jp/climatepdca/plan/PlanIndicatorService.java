package jp.climatepdca.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.UserInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's indicators (指標), their yearly actual values and the plan's GHG reduction targets, as the
 * other features read and write them. Grading is the evaluation feature's business.
 */
@Service
@Transactional(readOnly = true)
public class PlanIndicatorService {

  private final IndicatorRepository indicators;
  private final IndicatorActualRepository actuals;
  private final EmissionTargetRepository targets;
  private final PlanDefinitions definitions;

  PlanIndicatorService(IndicatorRepository indicators, IndicatorActualRepository actuals,
      EmissionTargetRepository targets, PlanDefinitions definitions) {
    this.indicators = indicators;
    this.actuals = actuals;
    this.targets = targets;
    this.definitions = definitions;
  }

  /**
   * The indicators in force in {@code planYear} (the year a cycle reviews), as the plan version of that year
   * defines them: a later revision of base, target or name never regrades a year already reviewed.
   */
  public List<IndicatorView> indicators(String municipality, int planYear) {
    return definitions.inForce(municipality, planYear)
        .map(doc -> PlanDefinitions.activeIndicators(doc, planYear)).orElseGet(() -> indicators(municipality));
  }

  /** The reduction targets of the plan version in force in {@code planYear}. */
  public List<EmissionTargetView> emissionTargets(String municipality, int planYear) {
    return definitions.inForce(municipality, planYear).map(doc -> doc.emissionTargets() == null
        ? List.<EmissionTargetView>of()
        : doc.emissionTargets().stream().map(t -> new EmissionTargetView(t.year(), t.reductionPercent(), t.label(), t.emissions()))
            .toList()).orElseGet(() -> emissionTargets(municipality));
  }

  public List<IndicatorView> departmentIndicators(String municipality, String departmentCode, int planYear) {
    return indicators(municipality, planYear).stream().filter(i -> departmentCode.equals(i.departmentCode())).toList();
  }

  public List<IndicatorView> indicators(String municipality) {
    return indicators.findByMunicipalityCodeOrderByCode(municipality).stream().map(Indicator::view).toList();
  }

  /** The indicators whose actual values this department enters in its self-assessment. */
  public List<IndicatorView> departmentIndicators(String municipality, String departmentCode) {
    return indicators.findByMunicipalityCodeAndDepartmentCodeOrderByCode(municipality, departmentCode).stream()
        .map(Indicator::view).toList();
  }

  public IndicatorView indicator(String municipality, String code) {
    return indicators.findByMunicipalityCodeAndCode(municipality, code).map(Indicator::view)
        .orElseThrow(() -> new NotFoundException("指標コード \"" + code + "\" は登録されていません"));
  }

  /** Every actual value of the municipality's indicators, by indicator and year. */
  public List<ActualValueView> actuals(String municipality) {
    return actuals.findByMunicipalityCodeOrderByIndicatorCodeAscValueYearAsc(municipality).stream()
        .map(IndicatorActual::view).toList();
  }

  /**
   * Records one year's values, all or none (the caller has checked them). A null value removes that
   * year's value: the person cleared a field they had filled before.
   */
  @Transactional
  public List<ActualValueView> record(String municipality, int valueYear, List<ActualValueInput> inputs, String user) {
    var now = Instant.now();
    var saved = new ArrayList<ActualValueView>();
    for (var input : inputs) {
      refuseUntyped(indicator(municipality, input.indicatorCode()), input);
      var existing = actuals.findByMunicipalityCodeAndIndicatorCodeAndValueYear(municipality,
          input.indicatorCode(), valueYear);
      if (input.value() == null) {
        existing.ifPresent(actuals::delete);
        continue;
      }
      var row = existing.orElseGet(() -> new IndicatorActual(municipality, input.indicatorCode(), valueYear));
      row.record(input.value(), input.source(), user, now);
      saved.add(actuals.save(row).view());
    }
    return saved;
  }

  /**
   * An INVENTORY indicator's values are the verified inventory's totals: a typed value would contradict
   * them. A STAGES indicator's value is a stage (0 未着手 … 3 完了), nothing in between.
   */
  private static void refuseUntyped(IndicatorView indicator, ActualValueInput input) {
    var where = "指標 " + indicator.code() + ": ";
    if (!indicator.typed()) {
      throw new UserInputException("指標の実績値を登録できません", List.of(where
          + "この指標の実績値は、検証済みの排出量の算定結果から自動で求めるため入力できません"));
    }
    if (indicator.kind() == IndicatorKind.STAGES && input.value() != null && IndicatorStage.of(input.value()).isEmpty()) {
      throw new UserInputException("指標の実績値を登録できません", List.of(where
          + "段階で評価する指標の値は 0（未着手）、1（検討中）、2（実施中）、3（完了）のいずれかです"));
    }
  }

  public List<EmissionTargetView> emissionTargets(String municipality) {
    return targets.findByMunicipalityCodeOrderByTargetYear(municipality).stream().map(EmissionTarget::view).toList();
  }
}
