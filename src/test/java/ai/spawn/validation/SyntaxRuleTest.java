package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static ai.spawn.validation.TestBundles.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class SyntaxRuleTest {

    private final SyntaxRule rule = new SyntaxRule(ValidationProperties.defaults());

    private static SyntaxRule withParsers(String node, String python, Duration timeout) {
        return new SyntaxRule(new ValidationProperties(200, DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), 200, 30,
                DataSize.ofKilobytes(2), List.of("/tmp"), true, timeout, node, python));
    }

    @Test
    void blocksJavaScriptThatDoesNotParseWithFileLineAndMessage() {
        List<Finding> findings = rule.check(node(
                "server.js", "const a = 1;\nfunction f() {\n  return a +;\n}\n",
                "lib/ok.js", "module.exports = { ok: true };\nreturn;\n",
                "public/app.mjs", "import x from './x.js';\n\nexport const y = ;\n"));

        assertThat(findings).extracting(Finding::rule, Finding::path, Finding::line, Finding::severity)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("syntax.error", "server.js", 3, Severity.BLOCK),
                        Tuple.tuple("syntax.error", "public/app.mjs", 3, Severity.BLOCK));
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).startsWith("JavaScript syntax error: ")
                .contains("Unexpected token"));
    }

    @Test
    void blocksPythonThatDoesNotParse() {
        List<Finding> findings = rule.check(python("app.py", "import os\n\ndef index(:\n    return 'hi'\n",
                "util.py", "def f():\n    return 1\n"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("syntax.error");
            assertThat(f.path()).isEqualTo("app.py");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).startsWith("Python syntax error: ");
        });
    }

    @Test
    void blocksBrokenJsonAndBrokenInlineScripts() {
        List<Finding> findings = rule.check(site(
                "package.json", "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"express\": \"4\",\n  }\n}\n",
                "index.html", "<!doctype html>\n<p>hi</p>\n<script>\n  const a = {;\n</script>\n"));

        assertThat(findings).extracting(Finding::rule, Finding::path, Finding::line).containsExactlyInAnyOrder(
                Tuple.tuple("syntax.error", "package.json", 5), Tuple.tuple("syntax.error", "index.html", 4));
    }

    @Test
    void acceptsValidModulesScriptsTemplatesAndJsonWithComments() {
        List<Finding> findings = rule.check(node(
                "package.json", "{\"type\": \"module\"}",
                "server.js", "#!/usr/bin/env node\nimport http from 'node:http';\nawait Promise.resolve();\n"
                        + "export default http;\n",
                "legacy.cjs", "const x = require('x');\nmodule.exports = x;\n",
                "tsconfig.json", "{\n  // comments are fine here\n  \"compilerOptions\": {\"strict\": true,},\n}\n",
                "data/empty.json", "",
                "templates/index.html", "<script>const items = {{ items|tojson }};</script>\n"
                        + "<script type=\"application/json\">{\"a\": </script>\n"
                        + "<script type=\"module\">import { a } from './a.js'; await a();</script>",
                "public/browser.js", "import { render } from './render.js';\nrender(document.body);\n",
                "src/App.vue", "<template><p>{{ msg }}</p></template>\n<script setup>\nimport { ref } from 'vue';\n"
                        + "const msg = ref('hi');\n</script>\n"));

        assertThat(findings).isEmpty();
        assertThat(rule.check(TestBundles.app("todo-express"))).isEmpty();
        assertThat(rule.check(TestBundles.app("flask-notes"))).isEmpty();
        assertThat(rule.check(TestBundles.app("static-page"))).isEmpty();
    }

    @Test
    void skipsCodeABuildStepTransformsWithAnInfo() {
        List<Finding> findings = rule.check(node(
                "package.json", "{\"devDependencies\": {\"vite\": \"^5\"}}",
                "src/App.js", "export default () => <div>hi</div>;\n",
                "src/main.tsx", "const x: number = 1;\n",
                "index.html", "<script type=\"text/babel\" src=\"app.js\"></script>",
                "app.js", "const el = <p>hi</p>;"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("syntax.skipped");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("3 file(s)");
        });
    }

    @Test
    void skipsWithAnInfoWhenAParserIsMissingFailsOrHangs(@TempDir Path dir) throws IOException {
        Path hang = dir.resolve("hang.sh");
        Files.writeString(hang, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(hang, PosixFilePermissions.fromString("rwx------"));
        var bundle = python("app.py", "def broken(:\n", "server.js", "const = 1;");

        List<Finding> missing = withParsers("/nonexistent/node", "/nonexistent/python3", Duration.ofSeconds(5))
                .check(bundle);
        List<Finding> failing = withParsers("false", "false", Duration.ofSeconds(5)).check(bundle);
        List<Finding> hanging = withParsers(hang.toString(), hang.toString(), Duration.ofMillis(300)).check(bundle);

        assertThat(missing).extracting(Finding::rule, Finding::severity).containsOnly(
                Tuple.tuple("syntax.skipped", Severity.INFO)).hasSize(2);
        assertThat(missing.get(0).message()).contains("not installed");
        assertThat(failing).extracting(Finding::rule).containsExactly("syntax.skipped", "syntax.skipped");
        assertThat(hanging).hasSize(2).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).contains("longer than 300 ms"));
    }
}
