package ai.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Example;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.blueprint.BlueprintCodeGenerator;
import ai.spawn.validation.CodeValidator;
import ai.spawn.validation.Severity;
import ai.spawn.validation.ValidationProperties;
import ai.spawn.validation.ValidationReport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Every app of the offline catalog passes the code validator as the application wires it: no block, no warning. */
class BlueprintCatalogValidationTest {

    private static final BlueprintCodeGenerator GENERATOR = new BlueprintCodeGenerator();

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = CodeValidator.class)
    @EnableConfigurationProperties(ValidationProperties.class)
    static class ValidationOnly {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ValidationOnly.class);

    static Stream<Example> examples() {
        return GENERATOR.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesValidationWithoutBlocksOrWarnings(Example example) {
        AppBundle bundle = GENERATOR.generate(GenerationRequest.newApp(example.prompt()), GenerationListener.NONE);
        context.run(ctx -> {
            ValidationReport report = ctx.getBean(CodeValidator.class).validate(bundle);
            assertThat(report.blocked()).as("%s", report.findings()).isFalse();
            assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
        });
    }
}
