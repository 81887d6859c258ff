package ai.spawn.validation;

import java.util.List;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Code that turns text into code at run time, which hides what an app really does.
 * <ul>
 * <li>{@code code.dynamic} (BLOCK): JavaScript {@code eval}, {@code new Function}, {@code vm}, the
 * {@code constructor("...")} trick, {@code import("data:...")}, {@code new Worker(code, {eval: true})}; Python {@code eval}/{@code exec}/bare
 * {@code compile}, {@code marshal.loads}, building code or function objects. {@code JSON.parse},
 * {@code re.compile}, {@code ast.literal_eval} and methods named {@code eval} on other objects are fine.</li>
 * <li>{@code code.string-timer} (WARN): {@code setTimeout}/{@code setInterval} given a string, an implicit eval.</li>
 * </ul>
 * Only code counts, not strings or comments. Stateless and thread-safe.
 */
@Component
@Order(11)
class DynamicCodeRule implements ValidationRule {

    static final String DYNAMIC = "code.dynamic";
    static final String STRING_TIMER = "code.string-timer";

    private static final Pattern JS_EVAL = Pattern.compile(
            "(?<![\\w$.])eval\\s*\\("
                    + "|\\b(?:window|globalThis|self|global|top|parent|frames)\\s*"
                    + "(?:\\.\\s*eval|\\[\\s*['\"`]eval['\"`]\\s*])\\s*\\(");
    private static final Pattern JS_FUNCTION = Pattern.compile(
            "(?<![\\w$.])(?:new\\s+)?(?:Async|AsyncGenerator|Generator)?Function\\s*\\("
                    + "|\\.\\s*constructor\\s*\\.\\s*constructor\\s*\\("
                    + "|\\)\\s*\\.\\s*constructor\\s*\\(\\s*['\"`]");
    private static final Pattern JS_VM = Pattern.compile(
            "\\bvm\\s*\\.\\s*(?:runIn\\w*|compileFunction|Script|SourceTextModule|SyntheticModule)\\b"
                    + "|(?:\\brequire\\s*\\(\\s*|\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\bimport\\s+)['\"](?:node:)?vm['\"]");
    private static final Pattern JS_DATA_IMPORT = Pattern.compile(
            "\\bimport\\s*\\(\\s*['\"`]data:|\\bnew\\s+Worker\\s*\\([^()]{0,300}?\\beval\\s*:\\s*true\\b");
    private static final Pattern JS_STRING_TIMER = Pattern.compile(
            "\\bset(?:Timeout|Interval)\\s*\\(\\s*['\"`]");

    private static final Pattern PY_EVAL = Pattern.compile("(?<![\\w.])(eval|exec|execfile|compile)\\s*\\(");
    private static final Pattern PY_DEFINITION = Pattern.compile("\\bdef\\s+$");
    private static final Pattern PY_IMPORTED_COMPILE = Pattern.compile(
            "^[ \\t]*from[ \\t]+(?:re|regex)[ \\t]+import[^\\n]*\\bcompile\\b", Pattern.MULTILINE);
    private static final Pattern PY_OTHER = Pattern.compile(
            "\\b(?:builtins|__builtins__)\\s*\\.\\s*(?:eval|exec|compile)\\b"
                    + "|\\bgetattr\\s*\\(\\s*(?:builtins|__builtins__)\\s*,"
                    + "|\\bmarshal\\s*\\.\\s*loads?\\s*\\("
                    + "|\\btypes\\s*\\.\\s*(?:FunctionType|CodeType)\\s*\\(");

    private final CodeUnits units;

    DynamicCodeRule(CodeUnits units) {
        this.units = units;
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        for (CodeUnit unit : units.of(bundle)) {
            SourceText text = unit.text();
            String path = unit.path();
            if (unit.isScript()) {
                text.eachCodeMatch(JS_EVAL, m -> out.block(DYNAMIC, path, text.line(m.start()),
                        "runs text as code with eval(); apps may not do that — use JSON.parse for data or write "
                                + "the code out"));
                text.eachCodeMatch(JS_FUNCTION, m -> out.block(DYNAMIC, path, text.line(m.start()),
                        "builds a function from text (new Function / constructor); apps may not run text as code"));
                text.eachCodeMatch(JS_VM, m -> out.block(DYNAMIC, path, text.line(m.start()),
                        "uses Node's vm module to run text as code; apps may not do that"));
                text.eachCodeMatch(JS_DATA_IMPORT, m -> out.block(DYNAMIC, path, text.line(m.start()),
                        "runs text as code (a data: URL import or a Worker with eval: true); apps may not do that"));
                text.eachCodeMatch(JS_STRING_TIMER, m -> out.warn(STRING_TIMER, path, text.line(m.start()),
                        "passes a string to setTimeout/setInterval, which runs it like eval(); pass a function "
                                + "instead"));
            } else if (unit.isPython()) {
                boolean regexCompile = text.hasCode(PY_IMPORTED_COMPILE);
                String source = text.withoutComments();
                text.eachCodeMatch(PY_EVAL, m -> {
                    boolean definition = PY_DEFINITION.matcher(source.substring(Math.max(0, m.start() - 12),
                            m.start())).find();
                    if (!definition && !(regexCompile && m.group(1).equals("compile"))) {
                        out.block(DYNAMIC, path, text.line(m.start()), "runs text as code with " + m.group(1)
                                + "(); apps may not do that — use json.loads or ast.literal_eval for data");
                    }
                });
                text.eachCodeMatch(PY_OTHER, m -> out.block(DYNAMIC, path, text.line(m.start()),
                        "builds or loads code at run time (" + m.group().replaceAll("\\s+", "")
                                + "); apps may not run hidden code"));
            }
        }
        return out.list();
    }
}
