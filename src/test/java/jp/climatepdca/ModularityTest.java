package jp.climatepdca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jp.climatepdca.cycle.CycleStarter;
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

  /** One starter per process started from outside: cycles, and corrections of a published report. */
  @Test
  void onlyTheStarterStartsCycles() {
    noClasses().that().doNotHaveFullyQualifiedName(CycleStarter.class.getName())
        .and().doNotHaveFullyQualifiedName(PublicationStarter.class.getName())
        .should().callMethodWhere(DescribedPredicate.describe("RuntimeService starts a process instance",
            call -> call.getTarget().getOwner().isAssignableTo(RuntimeService.class)
                && (call.getTarget().getName().startsWith("startProcessInstance")
                || call.getTarget().getName().startsWith("createProcessInstanceBy"))))
        .because("a cycle starts only through CycleStarter, which refuses a second start of the same year, and a"
            + " correction only through PublicationStarter, which refuses one while the year's publication runs")
        .check(main);
  }
}
