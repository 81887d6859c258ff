package ai.spawn.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * HTML pages (their inline scripts and event handlers go through the JavaScript rules too).
 * <ul>
 * <li>{@code html.external-script} (WARN): {@code <script src="https://...">} or an {@code import} from an
 * {@code http(s)} URL — code from another host that SpawnAI did not check, and that stops the page working when
 * that host is unreachable.</li>
 * <li>{@code html.javascript-url} (WARN): a {@code javascript:} URL in {@code href}, {@code src}, {@code action},
 * {@code formaction}, ... ({@code javascript:void(0)} is fine).</li>
 * </ul>
 * Stateless and thread-safe.
 */
@Component
@Order(16)
class HtmlRule implements ValidationRule {

    static final String EXTERNAL_SCRIPT = "html.external-script";
    static final String JAVASCRIPT_URL = "html.javascript-url";

    private static final Pattern EXTERNAL = Pattern.compile("^\\s*(?:https?:)?//", Pattern.CASE_INSENSITIVE);
    private static final Pattern HARMLESS_JS_URL = Pattern.compile(
            "^\\s*javascript:\\s*(?:void\\s*\\(?\\s*0\\s*\\)?\\s*;?|;|)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern JS_URL = Pattern.compile("^\\s*javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_IMPORT = Pattern.compile(
            "(?:\\bimport\\s*\\(\\s*|\\bfrom\\s*|\\bimport\\s+)['\"`]((?:https?:)?//[^'\"`]+)['\"`]");
    private static final Pattern HOST = Pattern.compile("^\\s*(?:https?:)?//([^/:?#\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "data",
            "xlink:href", "poster");

    private final CodeUnits units;

    HtmlRule(CodeUnits units) {
        this.units = units;
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (Language.of(file.getKey()) == Language.HTML && file.getValue() != null) {
                page(file.getKey(), file.getValue(), out);
            }
        }
        for (CodeUnit unit : units.of(bundle)) {
            if (unit.isScript()) {
                SourceText text = unit.text();
                text.eachCodeMatch(URL_IMPORT, m -> out.warn(EXTERNAL_SCRIPT, unit.path(), text.line(m.start()),
                        external(m.group(1))));
            }
        }
        return out.list();
    }

    private static void page(String path, String html, Findings out) {
        SourceText lines = SourceText.plain(html, 1);
        HtmlDocument doc = HtmlDocument.parse(html);
        for (HtmlDocument.Script script : doc.scripts()) {
            String src = script.tag().get("src");
            if (src != null && EXTERNAL.matcher(src).find()) {
                out.warn(EXTERNAL_SCRIPT, path, lines.line(script.tag().offset()), external(src));
            }
        }
        for (HtmlDocument.Tag tag : doc.tags()) {
            for (String name : URL_ATTRIBUTES) {
                HtmlDocument.Attribute a = tag.attributes().get(name);
                if (a != null && JS_URL.matcher(a.value()).find() && !HARMLESS_JS_URL.matcher(a.value()).find()) {
                    out.warn(JAVASCRIPT_URL, path, lines.line(a.valueOffset()), "uses a javascript: URL in <"
                            + tag.name() + " " + name + ">; use an event listener instead");
                }
            }
        }
    }

    private static String external(String url) {
        Matcher m = HOST.matcher(url);
        String host = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : url.trim();
        return "loads a script from " + host + ", code SpawnAI did not check; the page breaks when that host is "
                + "unreachable — include the code in the app instead";
    }
}
