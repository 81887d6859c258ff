package ai.spawn.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ai.spawn.generation.AppBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedCodeValidatorTest {

    static CodeValidator validator() {
        ValidationProperties p = ValidationProperties.defaults();
        return new RuleBasedCodeValidator(List.of(new StructureRule(p), new ProcessRule(), new DynamicCodeRule(),
                new ObfuscationRule(p), new FilesystemRule(p), new NetworkRule(), new MalwareRule(), new HtmlRule(),
                new DependencyRule(new PackageCatalog(), p), new SyntaxRule(p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"todo-express", "flask-notes", "static-page", "node-http"})
    void realisticAppsPassWithoutFindingsThatBlockOrWarn(String name) {
        AppBundle app = TestBundles.app(name);

        ValidationReport report = validator().validate(app);

        assertThat(report.blocked()).as("%s", report.findings()).isFalse();
        assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
    }
}
