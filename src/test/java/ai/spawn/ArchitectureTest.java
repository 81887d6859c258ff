package ai.spawn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Features talk through ports: adapters stay private to their feature, and ports do not know the core. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.spawn");
    }

    @Test
    void onlyTheSandboxFeatureKnowsItsAdapters() {
        noClasses().that().resideOutsideOfPackage("ai.spawn.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("ai.spawn.sandbox.local..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheGenerationFeatureKnowsItsEngines() {
        noClasses().that().resideOutsideOfPackage("ai.spawn.generation..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.spawn.generation.blueprint..",
                        "ai.spawn.generation.anthropic..", "ai.spawn.generation.openai..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void portsDoNotDependOnTheOrchestratorOrTheWeb() {
        noClasses().that().resideInAnyPackage("ai.spawn.generation..", "ai.spawn.sandbox..", "ai.spawn.gateway..",
                        "ai.spawn.progress..", "ai.spawn.validation..", "ai.spawn.session..", "ai.spawn.security..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.spawn.spawn..", "ai.spawn.web..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotDependOnTheWeb() {
        noClasses().that().resideInAPackage("ai.spawn.spawn..")
                .should().dependOnClassesThat().resideInAPackage("ai.spawn.web..").check(classes);
    }

    @Test
    void noVendorTypesCrossTheGenerationPort() {
        noClasses().that().resideInAPackage("ai.spawn.generation")
                .should().dependOnClassesThat().resideInAnyPackage("com.anthropic..", "com.openai..")
                .check(classes);
    }
}
