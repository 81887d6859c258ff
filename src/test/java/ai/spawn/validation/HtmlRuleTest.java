package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.ids;
import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlRuleTest {

    private final HtmlRule rule = new HtmlRule(new CodeUnits());

    @Test
    void warnsAboutScriptsFromOtherHosts() {
        List<Finding> findings = rule.check(site("index.html", """
                <!doctype html>
                <html><head>
                <script src="https://cdn.jsdelivr.net/npm/vue@3/dist/vue.global.js"></script>
                <script src='//unpkg.com/htmx.org'></script>
                <script type="module">
                  import confetti from 'https://esm.sh/canvas-confetti';
                </script>
                </head></html>
                """));

        assertThat(findings).extracting(Finding::rule, Finding::line, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("html.external-script", 3, Severity.WARN),
                org.assertj.core.groups.Tuple.tuple("html.external-script", 4, Severity.WARN),
                org.assertj.core.groups.Tuple.tuple("html.external-script", 6, Severity.WARN));
        assertThat(findings.get(0).message()).contains("cdn.jsdelivr.net");
        assertThat(ids(rule.check(node("public/app.js", "import x from \"https://cdn.skypack.dev/x\";"))))
                .containsExactly("html.external-script");
    }

    @Test
    void warnsAboutJavascriptUrls() {
        List<Finding> findings = rule.check(site("index.html",
                "<p>\n<a href=\"javascript:alert(document.cookie)\">x</a>\n"
                        + "<form action=\"JavaScript:send()\"></form>\n<iframe src=' javascript:evil()'></iframe>"));

        assertThat(findings).extracting(Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("html.javascript-url", 2),
                org.assertj.core.groups.Tuple.tuple("html.javascript-url", 3),
                org.assertj.core.groups.Tuple.tuple("html.javascript-url", 4));
    }

    @Test
    void acceptsLocalScriptsVoidLinksAndTextAboutThem() {
        String page = """
                <!doctype html>
                <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
                <script src="/app.js"></script>
                <script src="vendor/chart.umd.js"></script>
                <a href="javascript:void(0)">menu</a>
                <a href="javascript:;">menu</a>
                <a href="https://example.com/javascript:guide">guide</a>
                <p>Write &lt;script src="https://cdn.example.com/x.js"&gt; to load a CDN; javascript:alert(1) is bad.</p>
                <!-- <script src="https://old.cdn.com/x.js"></script> -->
                <script>
                  const docs = 'see https://developer.mozilla.org/';
                  import('./lazy.js');
                </script>
                """;

        assertThat(rule.check(site("index.html", page))).isEmpty();
        assertThat(rule.check(TestBundles.app("static-page"))).isEmpty();
        assertThat(rule.check(TestBundles.app("todo-express"))).isEmpty();
    }
}
