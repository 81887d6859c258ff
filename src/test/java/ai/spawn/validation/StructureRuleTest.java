package ai.spawn.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Runtime;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class StructureRuleTest {

    private final StructureRule rule = new StructureRule(
            new ValidationProperties(3, DataSize.ofBytes(100), DataSize.ofBytes(150), 40));

    private static AppBundle bundle(Map<String, String> files, String start, int port) {
        return new AppBundle("t", Runtime.NODE, files, null, start, port, null);
    }

    private List<String> rules(AppBundle b) {
        return rule.check(b).stream().map(Finding::rule).toList();
    }

    @Test
    void acceptsAWellFormedBundle() {
        assertThat(rule.check(bundle(Map.of("server.js", "x", "public/index.html", "<p>"), "node server.js", 3000)))
                .isEmpty();
    }

    @Test
    void refusesPathsOutsideTheWorkspace() {
        assertThat(rules(bundle(Map.of("../etc/passwd", "x"), "node a", 3000))).containsExactly("path.unsafe");
        assertThat(rules(bundle(Map.of("/abs.js", "x"), "node a", 3000))).containsExactly("path.unsafe");
        assertThat(rules(bundle(Map.of("a/./b.js", "x"), "node a", 3000))).containsExactly("path.unsafe");
        assertThat(rules(bundle(Map.of("a\\b.js", "x"), "node a", 3000))).containsExactly("path.unsafe");
        assertThat(rules(bundle(Map.of("a//b.js", "x"), "node a", 3000))).containsExactly("path.unsafe");
    }

    @Test
    void refusesTooManyAndTooLargeFiles() {
        assertThat(rules(bundle(Map.of("a", "1", "b", "2", "c", "3", "d", "4"), "node a", 3000)))
                .containsExactly("bundle.too-many-files");
        assertThat(rules(bundle(Map.of("a", "x".repeat(101)), "node a", 3000))).containsExactly("file.too-large");
        assertThat(rules(bundle(Map.of("a", "x".repeat(90), "b", "y".repeat(90)), "node a", 3000)))
                .containsExactly("bundle.too-large");
    }

    @Test
    void refusesEmptyBundlesBinaryFilesBadCommandsAndPorts() {
        assertThat(rules(bundle(Map.of(), "node a", 3000))).containsExactly("bundle.empty");
        assertThat(rules(bundle(Map.of("a", "x\0y"), "node a", 3000))).containsExactly("file.binary");
        assertThat(rules(bundle(Map.of("a", "x"), "node a\nrm -rf /", 3000))).containsExactly("start.invalid");
        assertThat(rules(bundle(Map.of("a", "x"), "node a", 80))).containsExactly("port.invalid");
        assertThat(rules(bundle(Map.of("a", "x"), "node a", 70000))).containsExactly("port.invalid");
    }
}
