package ai.spawn.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client starts fast and talks to the server only through the REST API. */
class CliArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ai.spawn.cli");

    @Test
    void theClientDoesNotTouchSpring() {
        noClasses().that().resideInAPackage("ai.spawn.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void theClientUsesOnlyTheJdkPicocliAndJackson() {
        noClasses().that().resideInAPackage("ai.spawn.cli..")
                .should().dependOnClassesThat().resideOutsideOfPackages("ai.spawn.cli..", "ai.spawn.text..", "java..", "picocli..",
                        "tools.jackson..")
                .check(classes);
    }
}
