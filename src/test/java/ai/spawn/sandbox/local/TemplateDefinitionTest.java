package ai.spawn.sandbox.local;

import ai.spawn.sandbox.TemplateProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateDefinitionTest {

    private static TemplateDefinition node(List<String> packages) {
        return new TemplateDefinition("node", "npm", packages, TemplateDefinition.NPMRC);
    }

    @Test
    void theVersionIsStableForTheSameDefinition() {
        assertThat(node(List.of("express", "zod")).version()).isEqualTo(node(List.of("express", "zod")).version())
                .matches("[0-9a-f]{12}");
        assertThat(node(List.of("express")).directoryName()).isEqualTo("node-" + node(List.of("express")).version());
    }

    @Test
    void theVersionChangesWhenTheDefinitionChanges() {
        String base = node(List.of("express", "zod")).version();

        assertThat(node(List.of("express")).version()).isNotEqualTo(base);
        assertThat(node(List.of("express", "zod", "ws")).version()).isNotEqualTo(base);
        assertThat(node(List.of("express@4", "zod")).version()).isNotEqualTo(base);
        assertThat(new TemplateDefinition("node", "npm", List.of("express", "zod"), "audit=false\n").version())
                .isNotEqualTo(base);
        assertThat(new TemplateDefinition("python", "pip", List.of("express", "zod"), TemplateDefinition.NPMRC)
                .version()).isNotEqualTo(base);
    }

    @Test
    void theSettingsDefineNodePythonAndStatic() {
        List<TemplateDefinition> all = TemplateDefinition.all(TemplateProperties.defaults()
                .withNodePackages(List.of("express")));

        assertThat(all).extracting(TemplateDefinition::name).containsExactly("node", "python", "static");
        assertThat(all.get(0).packages()).containsExactly("express");
        assertThat(all.get(0).npmrc()).contains("audit=false", "fund=false", "update-notifier=false");
        assertThat(all.get(1).packages()).isEmpty();
    }

    @Test
    void theNpmBuildInstallsEveryPackageOnItsOwnIntoOneCache() throws Exception {
        String command = TemplateBuild.npmCommand(List.of("express@4", "express@5", "it's"));

        assertThat(command).contains("for spec in 'express@4' 'express@5' 'it'\\''s'; do")
                .contains("--ignore-scripts", "--cache /home/user/app/cache", "\"$spec\"");
        Process sh = new ProcessBuilder("sh", "-n", "-c", command).redirectErrorStream(true).start();
        assertThat(sh.waitFor()).as(new String(sh.getInputStream().readAllBytes())).isZero();
    }
}
