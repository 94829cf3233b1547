package jp.climatepdca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jp.climatepdca.area.AreaCycleStarter;
import jp.climatepdca.area.AreaStaffMeetingStarter;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.periodevaluation.PeriodEvaluationStarter;
import jp.climatepdca.publication.PublicationStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The package-by-feature boundaries of DESIGN.md, checked on the compiled classes. */
class ModularityTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("jp.climatepdca");
  }

  @Test
  void featurePackagesDoNotDependOnEachOtherInCycles() {
    slices().matching("jp.climatepdca.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void theSystemPackageKnowsNoFeature() {
    noClasses().that().resideInAPackage("jp.climatepdca.system..")
        .should().dependOnClassesThat().resideInAnyPackage("jp.climatepdca.plan..", "jp.climatepdca.cycle..",
            "jp.climatepdca.assessment..", "jp.climatepdca.review..", "jp.climatepdca.evaluation..",
            "jp.climatepdca.identity..")
        .check(main);
  }

  @Test
  void controllersArePackagePrivate() {
    classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(main);
  }

  /**
   * The engine's internals (its implementation packages, MyBatis, Camunda REST's mapper configuration)
   * are named by jp.climatepdca.engine alone, where each hook is checked at start-up and by a test (see its
   * package-info): anywhere else a renamed statement, class or field (a new Camunda, Operaton) would go
   * unnoticed. Camunda's documented configuration of its REST authentication filter (the provider named
   * by class) is not an internal, nor the authentication that the public IdentityService hands out. No
   * class is exempt.
   */
  @Test
  void onlyTheEnginePackageUsesTheEnginesInternals() {
    noClasses().that().resideOutsideOfPackage("jp.climatepdca.engine..")
        .should().dependOnClassesThat(DescribedPredicate.describe("are the engine's internals",
            (JavaClass type) -> ENGINE_INTERNALS.test(type.getPackageName())
                && !type.getPackageName().startsWith("org.camunda.bpm.engine.rest.security.auth")
                && !type.getName().equals(PUBLIC_AUTHENTICATION)))
        .because("every use of the engine's internals is a hook in jp.climatepdca.engine, checked at start-up")
        .check(main);
  }

  /** In an implementation package, but the return type of IdentityService.getCurrentAuthentication(). */
  private static final String PUBLIC_AUTHENTICATION = "org.camunda.bpm.engine.impl.identity.Authentication";

  /**
   * Packages of the engine that it does not promise to keep: any "impl" package of Camunda's, the engine's
   * and its libraries' (Spin, commons, connect) alike.
   */
  private static final java.util.function.Predicate<String> ENGINE_INTERNALS = name ->
      name.startsWith("org.apache.ibatis") || name.startsWith("org.camunda.bpm.engine.rest.mapper")
          || name.startsWith("org.camunda.") && (name.contains(".impl.") || name.endsWith(".impl"));

  /**
   * One starter per process started from outside: cycles, area cycles, corrections of a published report,
   * staff meetings and plan-period evaluations.
   */
  @Test
  void onlyTheStarterStartsCycles() {
    noClasses().that().doNotHaveFullyQualifiedName(CycleStarter.class.getName())
        .and().doNotHaveFullyQualifiedName(PublicationStarter.class.getName())
        .and().doNotHaveFullyQualifiedName(AreaStaffMeetingStarter.class.getName())
        .and().doNotHaveFullyQualifiedName(AreaCycleStarter.class.getName())
        .and().doNotHaveFullyQualifiedName(PeriodEvaluationStarter.class.getName())
        .should().callMethodWhere(DescribedPredicate.describe("RuntimeService starts a process instance",
            call -> call.getTarget().getOwner().isAssignableTo(RuntimeService.class)
                && (call.getTarget().getName().startsWith("startProcessInstance")
                || call.getTarget().getName().startsWith("createProcessInstanceBy"))))
        .because("a cycle starts only through CycleStarter, which refuses a second start of the same year, an area's"
            + " cycle only through AreaCycleStarter, which does the same for the area, a correction only through"
            + " PublicationStarter, which refuses one while the year's publication runs, an area's staff meeting"
            + " only through AreaStaffMeetingStarter, which numbers it in its fiscal year, and a plan-period"
            + " evaluation only through PeriodEvaluationStarter, which refuses a second of the same year")
        .check(main);
  }
}
