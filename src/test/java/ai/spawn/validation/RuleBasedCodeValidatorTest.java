package ai.spawn.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.spawn.generation.AppBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The validator as the application wires it: every rule bean of the package, properties bound from config. */
class RuleBasedCodeValidatorTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = CodeValidator.class)
    @EnableConfigurationProperties(ValidationProperties.class)
    static class ValidationOnly {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ValidationOnly.class);

    @ParameterizedTest
    @ValueSource(strings = {"todo-express", "flask-notes", "static-page", "node-http"})
    void realisticAppsPassWithoutBlockingFindingsOrWarnings(String name) {
        AppBundle app = TestBundles.app(name);

        context.run(ctx -> {
            ValidationReport report = ctx.getBean(CodeValidator.class).validate(app);

            assertThat(report.blocked()).as("%s", report.findings()).isFalse();
            assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
        });
    }

    @Test
    void runsEveryRuleAndKeepsTheirFindingsInRuleOrder() {
        AppBundle bad = TestBundles.withCommands(TestBundles.node(
                        "server.js", "const cp = require('child_process');\neval(x);\napp.listen(8080);\n",
                        "package.json", "{\"dependencies\": {\"expresss\": \"1\"}}",
                        "broken.js", "let = ;"),
                "npm install", "node server.js");

        context.run(ctx -> {
            ValidationReport report = ctx.getBean(CodeValidator.class).validate(bad);

            assertThat(report.blocked()).isTrue();
            assertThat(report.findings()).extracting(Finding::rule).containsExactly("process.spawn", "code.dynamic",
                    "net.other-port", "deps.typosquat", "syntax.error");
        });
    }

    @Test
    void bindsTheKnobsFromConfiguration() {
        context.withPropertyValues("spawnai.validation.max-dependencies=1", "spawnai.validation.syntax-timeout=2s",
                        "spawnai.validation.allowed-absolute-paths=/srv/data")
                .run(ctx -> {
                    ValidationProperties p = ctx.getBean(ValidationProperties.class);
                    assertThat(p.maxDependencies()).isEqualTo(1);
                    assertThat(p.syntaxTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.maxFiles()).isEqualTo(200);
                    assertThat(p.allowedAbsolutePaths()).containsExactly("/srv/data");

                    ValidationReport report = ctx.getBean(CodeValidator.class).validate(TestBundles.node(
                            "package.json", "{\"dependencies\": {\"express\": \"4\", \"cors\": \"2\"}}",
                            "server.js", "fs.readFileSync('/srv/data/x.json'); fs.readFileSync('/tmp/x');"));
                    assertThat(report.findings()).extracting(Finding::rule)
                            .containsExactlyInAnyOrder("deps.too-many", "fs.outside-workspace");
                });
        context.run(ctx -> assertThat(ctx.getBean(ValidationProperties.class)).isEqualTo(
                ValidationProperties.defaults()));
    }
}
