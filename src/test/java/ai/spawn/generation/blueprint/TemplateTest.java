package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void escapesByFileTypeUnlessThePlaceholderNamesAnEscape() {
        Map<String, String> v = Map.of("t", "<b>\"Tom\" & 'Jerry'</b>");
        assertThat(Template.parse("a.html", "<h1>{{t}}</h1>").render(v))
                .isEqualTo("<h1>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</h1>");
        assertThat(Template.parse("a.js", "const t = {{t}};").render(v))
                .isEqualTo("const t = \"\\u003cb\\u003e\\\"Tom\\\" \\u0026 'Jerry'\\u003c/b\\u003e\";");
        assertThat(Template.parse("a.html", "{{t|raw}}").render(v)).isEqualTo(v.get("t"));
        assertThat(Template.parse("a.md", "{{t}}").render(v)).isEqualTo(v.get("t"));
    }

    @Test
    void jsLiteralsKeepScriptTagsAndLineSeparatorsInert() {
        String out = Escape.JS.apply("</script>\u2028\n\\");
        assertThat(out).isEqualTo("\"\\u003c/script\\u003e\\u2028\\n\\\\\"");
    }

    @Test
    void cssAcceptsOnlyPlainValues() {
        assertThat(Template.parse("a.css", "a { color: {{c}}; }").render(Map.of("c", "#2563eb")))
                .isEqualTo("a { color: #2563eb; }");
        assertThatThrownBy(() -> Template.parse("a.css", "{{c}}").render(Map.of("c", "red; } body { x: y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOtherBracesAloneAndFailsOnMissingValues() {
        Template t = Template.parse("a.js", "if (x) {{ y(); }} {{ name }}");
        assertThat(t.names()).containsExactly("name");
        assertThat(t.render(Map.of("name", "n"))).isEqualTo("if (x) {{ y(); }} \"n\"");
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{name}}");
    }
}
