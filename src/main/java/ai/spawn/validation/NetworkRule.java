package ai.spawn.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code net.other-port} (WARN): a server that listens on a hard-coded port other than the bundle's — only the
 * bundle's port (also given to the app as {@code PORT}) can be reached, so the extra listener is either a mistake
 * (the app will fail its health check) or a back door. Looks at {@code listen(...)}, WebSocket and socket.io servers,
 * {@code dgram} binds, Flask/uvicorn/aiohttp/waitress {@code run(port=...)}, {@code HTTPServer((host, port))},
 * {@code socket.bind}, simple constants ({@code const PORT = 8080}) and the start command's {@code --port}/{@code -p}/
 * {@code --bind}/{@code PORT=}. Listening on {@code process.env.PORT} or on the bundle's port is fine. Stateless and
 * thread-safe.
 */
@Component
@Order(14)
class NetworkRule implements ValidationRule {

    static final String ID = "net.other-port";

    private static final String PORT_OR_NAME = "(\\d{1,5}|[A-Za-z_$][\\w$]*)\\s*[,)]";
    private static final Pattern JS_LISTEN = Pattern.compile(
            "\\.\\s*listen\\s*\\(\\s*" + PORT_OR_NAME
                    + "|\\.\\s*listen\\s*\\(\\s*\\{[^{}]*?\\bport\\s*:\\s*(\\d{1,5}|[A-Za-z_$][\\w$]*)\\b"
                    + "|\\bnew\\s+(?:[\\w$]+\\s*\\.\\s*)?(?:WebSocketServer|Server)\\s*\\(\\s*\\{[^{}]*?\\bport\\s*:\\s*"
                    + "(\\d{1,5}|[A-Za-z_$][\\w$]*)\\b"
                    + "|\\bnew\\s+Server\\s*\\(\\s*(\\d{1,5})\\s*[,)]"
                    + "|\\brequire\\s*\\(\\s*['\"]socket\\.io['\"]\\s*\\)\\s*\\(\\s*(\\d{1,5})\\s*[,)]"
                    + "|\\.\\s*bind\\s*\\(\\s*(\\d{1,5})\\s*[,)]");
    private static final Pattern PY_LISTEN = Pattern.compile(
            "\\.\\s*run(?:_app)?\\s*\\((?:[^()]|\\([^()]*\\))*?\\bport\\s*=\\s*(\\d{1,5}|[A-Za-z_]\\w*)\\b"
                    + "|\\b(?:serve|run_app|run_simple|make_server)\\s*\\((?:[^()]|\\([^()]*\\))*?\\bport\\s*=\\s*"
                    + "(\\d{1,5}|[A-Za-z_]\\w*)\\b"
                    + "|\\b(?:run_simple|make_server)\\s*\\(\\s*[^,()]*,\\s*(\\d{1,5}|[A-Za-z_]\\w*)\\s*,"
                    + "|\\b(?:HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer|UDPServer|ForkingTCPServer)"
                    + "\\s*\\(\\s*\\(\\s*[^,()]*,\\s*(\\d{1,5}|[A-Za-z_]\\w*)\\s*\\)"
                    + "|\\.\\s*bind\\s*\\(\\s*\\(\\s*[^,()]*,\\s*(\\d{1,5}|[A-Za-z_]\\w*)\\s*\\)");
    private static final int UNKNOWN = -1;
    private static final Pattern COMMAND_PORT = Pattern.compile(
            "(?:--port[= ]|(?<![\\w-])-p[= ]?|\\bPORT=|\\bhttp\\.server\\s+)(\\d{1,5})\\b"
                    + "|(?:--bind[= ]|(?<![\\w-])-b[= ]?)[^\\s:]*:(\\d{1,5})\\b");

    private final CodeUnits units;

    NetworkRule(CodeUnits units) {
        this.units = units;
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        int expected = bundle.port();
        for (CodeUnit unit : units.of(bundle)) {
            SourceText text = unit.text();
            Pattern listen = unit.isScript() ? JS_LISTEN : unit.isPython() ? PY_LISTEN : null;
            if (listen == null) {
                continue;
            }
            Map<String, Integer> constants = new HashMap<>();
            text.eachCodeMatch(listen, m -> {
                Integer port = port(text, group(m), unit.isPython(), constants);
                if (port != null && port != expected) {
                    out.warn(ID, unit.path(), text.line(m.start()), "listens on port " + port + ", but the app is"
                            + " reached only on port " + expected + "; listen on " + (unit.isPython()
                            ? "int(os.environ['PORT'])" : "process.env.PORT") + " — other ports cannot be reached");
                }
            });
        }
        Matcher m = COMMAND_PORT.matcher(bundle.start());
        while (m.find()) {
            int port = Integer.parseInt(group(m));
            if (port != expected) {
                out.warn(ID, null, 0, "the start command listens on port " + port + ", but the app is reached only "
                        + "on port " + expected + "; use $PORT — other ports cannot be reached");
            }
        }
        return out.list();
    }

    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    /** The port a literal or a simple constant names, or {@code null} when it cannot be told. */
    private static Integer port(SourceText text, String value, boolean python, Map<String, Integer> constants) {
        if (value.isEmpty()) {
            return null;
        }
        if (Character.isDigit(value.charAt(0))) {
            return Integer.parseInt(value);
        }
        int known = constants.computeIfAbsent(value, name -> {
            Integer found = constant(text, name, python);
            return found == null ? UNKNOWN : found;
        });
        return known == UNKNOWN ? null : known;
    }

    /** The value of {@code const NAME = 8080} (or Python's {@code NAME = 8080}) in the unit, or {@code null}. */
    private static Integer constant(SourceText text, String value, boolean python) {
        Pattern constant = Pattern.compile(python
                ? "^[ \\t]*" + Pattern.quote(value) + "\\s*=\\s*(\\d{1,5})[ \\t]*$"
                : "\\b(?:const|let|var)\\s+" + Pattern.quote(value) + "\\s*=\\s*(\\d{1,5})\\s*(?:;|$)",
                Pattern.MULTILINE);
        Matcher m = constant.matcher(text.withoutComments());
        while (m.find()) {
            if (text.isCode(m.start(1))) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }
}
