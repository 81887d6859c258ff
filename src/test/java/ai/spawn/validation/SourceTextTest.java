package ai.spawn.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    private static List<String> literals(SourceText text) {
        return text.literals().stream().map(SourceText.Literal::value).toList();
    }

    private static List<String> codeMatches(SourceText text, String regex) {
        List<String> out = new ArrayList<>();
        text.eachCodeMatch(Pattern.compile(regex), m -> out.add(m.group() + "@" + text.line(m.start())));
        return out;
    }

    @Test
    void javascriptSeparatesCodeStringsTemplatesRegexesAndComments() {
        SourceText js = SourceText.javascript("""
                const a = 'eval(1)'; // eval(2)
                const b = `x ${eval(3)} y ${ {k: "eval(4)"}.k } z`;
                /* eval(5)
                   still a comment */ const r = /eval\\(6\\)['"]/g, d = a / 2 / 1;
                const t = `multi
                line eval(7)`; eval(8);
                """, 1);

        assertThat(codeMatches(js, "eval\\(\\d\\)")).containsExactly("eval(3)@2", "eval(8)@6");
        assertThat(literals(js)).contains("eval(1)", "x ", " y ", "eval(4)", " z", "multi\nline eval(7)");
    }

    @Test
    void javascriptStringsAndRegexesEndAtALineBreakSoAStrayQuoteSpoilsOneLineOnly() {
        SourceText jsx = SourceText.javascript("const p = <p>Don't panic</p>;\neval(x);\n", 1);

        assertThat(codeMatches(jsx, "eval")).containsExactly("eval@2");
    }

    @Test
    void pythonSeparatesCodeStringsDocstringsAndFStringExpressions() {
        SourceText py = SourceText.python("""
                \"\"\"eval(1) in a docstring
                over lines\"\"\"
                x = r'eval(2)' + b"eval(3)"  # eval(4)
                y = f"{eval(5)} and {{eval(6)}} and {d['eval(7)']}"
                if'eval(8)': eval(9)
                """, 1);

        assertThat(codeMatches(py, "eval\\(\\d\\)")).containsExactly("eval(5)@4", "eval(9)@5");
        assertThat(literals(py)).contains("eval(2)", "eval(3)", "eval(7)", "eval(8)");
    }

    @Test
    void linesCountFromTheFirstLineGiven() {
        SourceText text = SourceText.javascript("a\nb\nc", 10);

        assertThat(text.line(0)).isEqualTo(10);
        assertThat(text.line(2)).isEqualTo(11);
        assertThat(text.line(4)).isEqualTo(12);
    }

    @Test
    void htmlDocumentFindsScriptsAttributesAndSkipsComments() {
        HtmlDocument doc = HtmlDocument.parse("""
                <!-- <script>eval(1)</script> -->
                <a href='javascript:x()' onclick="go(1)" data-x=y hidden>x</a>
                <script type="module" src="/app.js"></script>
                <SCRIPT>let a = "</p>";</SCRIPT>
                <textarea><script>not a script</script></textarea>
                """);

        assertThat(doc.scripts()).extracting(s -> s.tag().get("src"), HtmlDocument.Script::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/app.js", ""),
                        org.assertj.core.groups.Tuple.tuple(null, "let a = \"</p>\";"));
        assertThat(doc.tags()).filteredOn(t -> t.name().equals("a")).singleElement().satisfies(a -> {
            assertThat(a.get("href")).isEqualTo("javascript:x()");
            assertThat(a.get("onclick")).isEqualTo("go(1)");
            assertThat(a.get("data-x")).isEqualTo("y");
            assertThat(a.get("hidden")).isEmpty();
        });
    }
}
