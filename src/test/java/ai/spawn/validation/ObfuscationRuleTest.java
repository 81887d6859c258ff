package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.ids;
import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static ai.spawn.validation.TestBundles.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.assertj.core.groups.Tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObfuscationRuleTest {

    private final ObfuscationRule rule = new ObfuscationRule(new CodeUnits(), ValidationProperties.defaults());

    private static String base64(int bytes) {
        byte[] data = new byte[bytes];
        new Random(42).nextBytes(data);
        return Base64.getEncoder().encodeToString(data);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "eval(atob('Y29uc29sZS5sb2coMSk='));",
            "new Function(Buffer.from(payload, 'base64').toString())();",
            "eval(String.fromCharCode(97, 108, 101, 114, 116));",
            "setTimeout(atob(x), 10);",
            "eval(zlib.inflateSync(buf).toString());"})
    void blocksDecodedTextRunAsJavaScript(String code) {
        List<Finding> findings = rule.check(node("server.js", code));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("code.obfuscated");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import base64\nexec(base64.b64decode('cHJpbnQoMSk='))",
            "import zlib\nexec(zlib.decompress(blob))",
            "exec(__import__('base64').b64decode(s))",
            "eval(bytes.fromhex('7072696e74'))",
            "exec(''.join(chr(c) for c in codes))"})
    void blocksDecodedTextRunAsPython(String code) {
        assertThat(ids(rule.check(python("app.py", code)))).containsExactly("code.obfuscated");
    }

    @Test
    void blocksMachineObfuscatedJavaScript() {
        StringBuilder js = new StringBuilder("var _0x3f2a=['log'];");
        for (int i = 0; i < 25; i++) {
            js.append("function _0x").append(Integer.toHexString(0x1a2b + i)).append("(){return _0x3f2a[0];}\n");
        }
        assertThat(ids(rule.check(node("lib/x.js", js.toString())))).containsExactly("code.obfuscated");
        assertThat(ids(rule.check(node("a.js", "[][(![]+[])[+[]]+" + "(![]+[])[!+[]+!+[]]+".repeat(20) + "1]"))))
                .containsExactly("code.obfuscated");
    }

    @Test
    void warnsAboutLongEncodedBlobsInAnyFile() {
        String blob = base64(3000);
        List<Finding> findings = rule.check(node("server.js", "const a = 1;\nconst payload = '" + blob + "';\n",
                "data/seed.json", "{\"x\": \"" + "0123456789abcdef".repeat(200) + "\"}",
                "lib/esc.js", "const s = \"" + "\\x41".repeat(700) + "\";"));

        assertThat(findings).extracting(Finding::rule, Finding::path, Finding::line, Finding::severity)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("code.encoded-blob", "server.js", 2, Severity.WARN),
                        Tuple.tuple("code.encoded-blob", "data/seed.json", 1, Severity.WARN),
                        Tuple.tuple("code.encoded-blob", "lib/esc.js", 1, Severity.WARN));
        assertThat(findings).filteredOn(f -> f.path().equals("server.js")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("4 KB").contains("base64"));
        assertThat(findings).filteredOn(f -> f.path().equals("data/seed.json")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("hex"));
    }

    @Test
    void acceptsImagesInDataUrlsShortTokensAndOrdinaryDecoding() {
        String page = "<style>body{background:url(data:image/png;base64," + base64(6000) + ")}</style>\n"
                + "<img src=\"data:image/svg+xml;base64," + base64(3000) + "\">\n"
                + "<script>const token = '" + base64(1000) + "'; const text = atob(token);</script>";
        String server = """
                const avatar = Buffer.from(req.body.avatar, 'base64');
                fs.writeFileSync('avatar.png', avatar);
                const integrity = 'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==';
                """;

        assertThat(rule.check(site("index.html", page))).isEmpty();
        assertThat(rule.check(node("server.js", server))).isEmpty();
        assertThat(rule.check(TestBundles.app("static-page"))).isEmpty();
    }
}
