package ai.spawn.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;

/**
 * A test engine that behaves like a model with a script, so the fix loop, edits, rollbacks, the budget and the
 * cache can be driven deterministically on real sandboxes. Prompts choose the behaviour:
 * {@code fixable} crashes first and works once told the error; {@code hopeless} always crashes the same way;
 * {@code expensive} crashes differently each time at $0.06 per call; anything containing {@code break} (also
 * its fixes) crashes the same way; other follow-up messages give a working version showing the message; anything
 * else works.
 */
public class ScriptedCodeGenerator implements CodeGenerator {

    /** Every request received, in order. */
    public final List<GenerationRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public String engine() {
        return "scripted";
    }

    @Override
    public boolean canFix() {
        return true;
    }

    @Override
    public AppBundle generate(GenerationRequest request, GenerationListener listener) {
        requests.add(request);
        int n = calls.incrementAndGet();
        listener.fileWritten("server.js");
        String prompt = request.prompt();
        double cost = prompt.contains("expensive") ? 0.06 : 0.01;
        GenerationInfo info = new GenerationInfo("scripted", "script-1", 100, 50, 0, 0, cost, 1);
        if (prompt.contains("model error")) {
            throw new GenerationException("the model is overloaded; try again later", null, info);
        }
        if (prompt.contains("break")) {
            return crashing("edit broke it", info);
        }
        if (request.current() != null && request.failure() == null) {
            return working("v-edit: " + prompt, info);
        }
        if (prompt.contains("hopeless")) {
            return crashing("ReferenceError: foo is not defined", info);
        }
        if (prompt.contains("expensive")) {
            return crashing("error number " + "abcdefgh".charAt(n % 8), info);
        }
        if (prompt.contains("fixable") && request.failure() == null) {
            return crashing("SyntaxError: Unexpected token", info);
        }
        return working("hello " + prompt, info);
    }

    private static AppBundle working(String text, GenerationInfo info) {
        String js = "require('http').createServer((q, r) => r.end(" + jsString(text) + "))"
                + ".listen(process.env.PORT);";
        return new AppBundle("Scripted", Runtime.NODE, Map.of("server.js", js), null, "node server.js", 3000, info,
                "A scripted app.");
    }

    private static AppBundle crashing(String error, GenerationInfo info) {
        return new AppBundle("Scripted", Runtime.NODE, Map.of("server.js", "console.error(" + jsString(error)
                + "); process.exit(1);"), null, "node server.js", 3000, info, "A broken app.");
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
