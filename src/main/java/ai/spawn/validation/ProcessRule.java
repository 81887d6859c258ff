package ai.spawn.validation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code process.spawn} (BLOCK): code that starts other programs or shells — Node's {@code child_process} (any way
 * it is loaded), {@code process.binding}/{@code dlopen}, Bun/Deno spawning, Python's {@code subprocess},
 * {@code pty}, {@code os.system}/{@code popen}/{@code exec*}/{@code spawn*}/{@code fork} and asyncio subprocesses.
 * Only code counts: the words inside strings or comments do not. Stateless and thread-safe.
 */
@Component
@Order(10)
class ProcessRule implements ValidationRule {

    static final String ID = "process.spawn";

    private static final Pattern CHILD_PROCESS = Pattern.compile("(?:node:)?child_process");
    private static final Pattern JS_INTERNALS = Pattern.compile(
            "\\bprocess\\s*\\.\\s*(?:binding|_linkedBinding|dlopen)\\s*\\(");
    private static final Pattern JS_RUNTIMES = Pattern.compile(
            "\\b(?:Bun\\s*\\.\\s*spawn(?:Sync)?|Deno\\s*\\.\\s*run|Deno\\s*\\.\\s*Command)\\s*\\(");

    private static final Pattern PY_IMPORT = Pattern.compile(
            "^[ \\t]*(?:import[ \\t]+[^\\n#;]*?\\b(subprocess|pty)\\b"
                    + "|from[ \\t]+(subprocess|pty)[ \\t]+import\\b"
                    + "|from[ \\t]+os[ \\t]+import[ \\t]+[^\\n#;]*?\\b(system|popen|fork|forkpty|exec[lv]p?e?"
                    + "|spawn[lv]p?e?|posix_spawnp?)\\b)", Pattern.MULTILINE);
    private static final Pattern PY_CALLS = Pattern.compile(
            "\\bos\\s*\\.\\s*(system|popen|fork|forkpty|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)\\s*\\("
                    + "|\\basyncio\\s*\\.\\s*(create_subprocess_(?:exec|shell))\\s*\\("
                    + "|(?:__import__|import_module)\\s*\\(\\s*['\"](subprocess|pty)['\"]"
                    + "|\\)\\s*\\.\\s*(system|popen)\\s*\\("
                    + "|\\bgetattr\\s*\\(\\s*\\w+\\s*,\\s*['\"](system|popen|exec[lv]p?e?|spawn[lv]p?e?)['\"]");

    private final CodeUnits units;

    ProcessRule(CodeUnits units) {
        this.units = units;
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        for (CodeUnit unit : units.of(bundle)) {
            SourceText text = unit.text();
            if (unit.isScript()) {
                for (SourceText.Literal literal : text.literals()) {
                    if (CHILD_PROCESS.matcher(literal.value()).matches()) {
                        out.block(ID, unit.path(), text.line(literal.start()), "loads child_process to start other "
                                + "programs; apps may not run shell commands or other programs — do the work in "
                                + "JavaScript");
                    }
                }
                text.eachCodeMatch(JS_INTERNALS, m -> out.block(ID, unit.path(), text.line(m.start()),
                        "reaches into Node's internals (process.binding/dlopen), which can start programs or load "
                                + "native code; apps may not do that"));
                text.eachCodeMatch(JS_RUNTIMES, m -> out.block(ID, unit.path(), text.line(m.start()),
                        "starts another program; apps may not run shell commands or other programs"));
            } else if (unit.isPython()) {
                text.eachCodeMatch(PY_IMPORT, m -> out.block(ID, unit.path(), text.line(m.start()),
                        "imports " + what(m) + " to start other programs; apps may not run shell commands or other "
                                + "programs — do the work in Python"));
                text.eachCodeMatch(PY_CALLS, m -> out.block(ID, unit.path(), text.line(m.start()),
                        "calls " + what(m) + " to start another program; apps may not run shell commands or other "
                                + "programs — do the work in Python"));
            }
        }
        return out.list();
    }

    private static String what(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return m.group().trim();
    }
}
