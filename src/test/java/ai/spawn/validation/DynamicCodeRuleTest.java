package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.ids;
import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static ai.spawn.validation.TestBundles.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DynamicCodeRuleTest {

    private final DynamicCodeRule rule = new DynamicCodeRule(new CodeUnits());

    @ParameterizedTest
    @ValueSource(strings = {
            "eval(req.body.code);",
            "const f = new Function('a', 'return a * 2');",
            "const g = Function('return this')();",
            "window.eval(x);",
            "globalThis['eval'](x);",
            "const vm = require('vm');",
            "import vm from 'node:vm';",
            "vm.runInNewContext(code, {});",
            "[].constructor.constructor('return process')();",
            "(async () => {}).constructor('return 1');",
            "await import('data:text/javascript,console.log(1)');",
            "new Worker(source, { eval: true });"})
    void blocksJavaScriptThatRunsTextAsCode(String code) {
        List<Finding> findings = rule.check(node("server.js", "const x = 1;\n" + code));

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("code.dynamic");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval(data)", "exec(source)", "exec(open('x.py').read())", "code = compile(src, 'f', 'exec')",
            "import builtins\nbuiltins.exec('x')", "import marshal\nmarshal.loads(blob)",
            "import types\ntypes.FunctionType(code, {})"})
    void blocksPythonThatRunsTextAsCode(String code) {
        assertThat(ids(rule.check(python("app.py", code)))).isNotEmpty().containsOnly("code.dynamic");
    }

    @Test
    void warnsAboutTimersGivenAString() {
        List<Finding> findings = rule.check(site("index.html",
                "<p>hi</p>\n<script>\nsetTimeout(\"tick()\", 1000);\nsetInterval(tick, 1000);\n</script>"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("code.string-timer");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.line()).isEqualTo(3);
        });
    }

    @Test
    void acceptsJsonParsingRegexExecAndMethodsNamedEval() {
        String js = """
                const data = JSON.parse(text);
                const m = /x/.exec(s);
                redis.eval(script, 0);
                model.evaluate();
                const help = 'never call eval(x) or new Function()';
                // eval(x) in a comment
                const retrieval = evalScore(1);
                class Money { plus(o) { return new this.constructor('USD', o.amount); } }
                setTimeout(() => refresh(), 500);
                const vm = { items: [] }; vm.items.push(1);
                """;
        String py = """
                import ast, re, json
                PATTERN = re.compile(r'\\d+')
                value = ast.literal_eval(text)
                model.eval()
                cursor.execute('select 1')
                doc = "eval(x) is dangerous"
                def exec(self):  # a method called exec
                    return json.loads('{}')
                """;

        assertThat(rule.check(node("server.js", js))).isEmpty();
        assertThat(rule.check(python("app.py", py))).isEmpty();
        assertThat(rule.check(python("app.py", "from re import compile\nP = compile('a+')"))).isEmpty();
        assertThat(rule.check(site("index.html", "<p>Do not use eval() or setTimeout(\"x\")</p>"))).isEmpty();
        assertThat(rule.check(TestBundles.app("static-page"))).isEmpty();
    }
}
