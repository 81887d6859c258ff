package ai.spawn.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Files outside the app's own folder.
 * <ul>
 * <li>{@code fs.sensitive} (BLOCK): a literal, shell script or command naming system or credential files —
 * {@code /etc/passwd}, {@code /etc/shadow}, {@code /proc/...}, {@code /root/...}, {@code ~/.ssh}, {@code id_rsa},
 * {@code .aws/credentials}, {@code .kube/config}, {@code /var/run/docker.sock}, {@code /sys/fs/cgroup}, ... (a bare
 * {@code "/proc"} or {@code "/root"} may be a URL route; opened as a file it is caught as outside the workspace)</li>
 * <li>{@code fs.outside-workspace} (BLOCK): a file-system call ({@code fs.*}, {@code path.join/resolve},
 * {@code require}, {@code sendFile}, {@code express.static}; Python {@code open}, {@code Path}, {@code os.path.join},
 * {@code os.*}, {@code shutil.*}, {@code send_from_directory}) whose literal path is absolute outside
 * {@link ValidationProperties#allowedAbsolutePaths()} or climbs out of the workspace with {@code ..}, counted from
 * the file's own folder for {@code __dirname}/{@code __file__} and from the workspace otherwise. Paths built from
 * variables are not judged.</li>
 * </ul>
 * Stateless and thread-safe.
 */
@Component
@Order(13)
class FilesystemRule implements ValidationRule {

    static final String SENSITIVE = "fs.sensitive";
    static final String OUTSIDE = "fs.outside-workspace";

    private static final Pattern SENSITIVE_PATH = Pattern.compile(
            "(?<![\\w.\\-])/etc/(?:passwd|shadow|gshadow|sudoers|master\\.passwd|ssh/)"
                    + "|(?<![\\w.\\-])/(?:proc|root)/"
                    + "|(?<![\\w.\\-])/(?:var/)?run/(?:docker\\.sock|secrets)"
                    + "|(?<![\\w.\\-])/sys/(?:fs/cgroup|kernel|firmware)"
                    + "|(?<![\\w\\-])\\.(?:ssh|aws|kube|gnupg|docker)(?:/|$)"
                    + "|(?<![\\w\\-])id_(?:rsa|dsa|ecdsa|ed25519)(?![\\w\\-])"
                    + "|\\.git-credentials|(?<![\\w.\\-])\\.netrc(?![\\w\\-])", Pattern.MULTILINE);

    /** Opening of a JavaScript call that takes a path; group 1 names the function. */
    private static final Pattern JS_PATH_CALL = Pattern.compile(
            "\\b(?:fs|fsp|fsPromises|fse|promises)\\s*\\.\\s*(\\w+)\\s*\\("
                    + "|(?<![\\w$.])((?:readFile|writeFile|appendFile|readdir|opendir|realpath|readlink|mkdir|"
                    + "access|exists|stat|lstat|unlink|rm|rmdir|copyFile|rename|chmod|open)Sync)\\s*\\("
                    + "|(?<![\\w$.])(createReadStream|createWriteStream)\\s*\\("
                    + "|\\bpath\\s*\\.\\s*(join|resolve)\\s*\\("
                    + "|(?<![\\w$.])(require)\\s*\\("
                    + "|\\.\\s*(sendFile|download)\\s*\\("
                    + "|\\bexpress\\s*\\.\\s*(static)\\s*\\(");
    /** Opening of a Python call that takes a path; group 1 names the function. */
    private static final Pattern PY_PATH_CALL = Pattern.compile(
            "(?<![\\w.])(open)\\s*\\("
                    + "|\\b(?:io|os|codecs)\\s*\\.\\s*(open)\\s*\\("
                    + "|(?<![\\w])(?:pathlib\\s*\\.\\s*)?(Path|PurePath|PosixPath)\\s*\\("
                    + "|\\bos\\s*\\.\\s*path\\s*\\.\\s*(join)\\s*\\("
                    + "|\\bos\\s*\\.\\s*(listdir|scandir|walk|remove|unlink|rmdir|removedirs|makedirs|mkdir|rename"
                    + "|replace|chmod|chown|stat|lstat|readlink|symlink|link|truncate)\\s*\\("
                    + "|\\bshutil\\s*\\.\\s*(\\w+)\\s*\\("
                    + "|(?<![\\w.])(send_from_directory|send_file)\\s*\\(");

    private final CodeUnits units;
    private final List<String> allowed;

    FilesystemRule(CodeUnits units, ValidationProperties properties) {
        this.units = units;
        this.allowed = properties.allowedAbsolutePaths().stream()
                .map(p -> p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p).toList();
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        for (CodeUnit unit : units.of(bundle)) {
            SourceText text = unit.text();
            for (SourceText.Literal literal : text.literals()) {
                Matcher m = SENSITIVE_PATH.matcher(literal.value());
                if (m.find()) {
                    out.block(SENSITIVE, unit.path(), text.line(literal.start()), sensitive(m.group()));
                }
            }
            if (unit.isScript() || unit.isPython()) {
                text.eachCodeMatch(unit.isScript() ? JS_PATH_CALL : PY_PATH_CALL, m -> pathCall(unit, m, out));
            }
        }
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (Language.of(file.getKey()) == Language.SHELL && file.getValue() != null) {
                shell(file.getKey(), file.getValue(), out);
            }
        }
        for (Command command : BundleSources.commands(bundle)) {
            Matcher m = SENSITIVE_PATH.matcher(command.text());
            if (m.find()) {
                out.block(SENSITIVE, command.path(), command.line(), command.label() + ": " + sensitive(m.group()));
            }
        }
        return out.list();
    }

    private static void shell(String path, String content, Findings out) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SENSITIVE_PATH.matcher(line);
            if (m.find()) {
                out.block(SENSITIVE, path, i + 1, sensitive(m.group()));
            }
        }
    }

    private static String sensitive(String what) {
        return "names " + what.strip() + ", a system or credentials file outside the app's folder; apps may only "
                + "use files in their own folder";
    }

    private void pathCall(CodeUnit unit, Matcher m, Findings out) {
        String function = null;
        for (int g = 1; g <= m.groupCount() && function == null; g++) {
            function = m.group(g);
        }
        List<CallArguments.Argument> args = CallArguments.of(unit.text(), m.end() - 1);
        if (args.isEmpty()) {
            return;
        }
        boolean joins = unit.isScript() ? function.equals("join") || function.equals("resolve")
                : function.equals("join") || function.equals("Path") || function.equals("PurePath")
                || function.equals("PosixPath");
        boolean resets = unit.isPython() || function.equals("resolve");
        int line = unit.text().line(m.start());
        // require() resolves from the file's own folder, everything else from the working folder (the workspace)
        int depth = function.equals("require") ? unit.depth() : 0;
        for (int i = 0; i < args.size() && (i == 0 || joins); i++) {
            CallArguments.Argument arg = args.get(i);
            if (arg.leading() == null) {
                if (i == 0 && arg.mentionsOwnFolder()) {
                    depth = unit.depth();
                    continue;
                }
                if (i == 0 && arg.mentionsWorkingFolder()) {
                    continue;
                }
                return;
            }
            String p = arg.leading();
            if (p.startsWith("~")) {
                out.block(OUTSIDE, unit.path(), line, "opens " + p + " in a home folder outside the app's folder; "
                        + "apps may only use files in their own folder");
                return;
            }
            if (p.startsWith("/") && (i == 0 || resets)) {
                if (!isAllowed(p)) {
                    out.block(OUTSIDE, unit.path(), line, "opens " + p + ", outside the app's folder; apps may only"
                            + " use files in their own folder (and /tmp) — use a relative path");
                }
                return;
            }
            if (climbsOut(p, depth)) {
                out.block(OUTSIDE, unit.path(), line, "climbs out of the app's folder with '..' (" + p
                        + "); apps may only use files in their own folder");
                return;
            }
            if (arg.literal() == null) {
                return;
            }
            depth = depthAfter(p, depth);
        }
    }

    private static boolean climbsOut(String relative, int depth) {
        int d = depth;
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                if (--d < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                d++;
            }
        }
        return false;
    }

    private static int depthAfter(String relative, int depth) {
        int d = depth;
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                d--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                d++;
            }
        }
        return d;
    }

    private boolean isAllowed(String absolute) {
        String normalized = normalize(absolute);
        if (normalized == null) {
            return false;
        }
        for (String a : allowed) {
            if (normalized.equals(a) || normalized.startsWith(a.equals("/") ? "/" : a + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Resolves . and .. in an absolute path; {@code null} when it climbs above the root. */
    private static String normalize(String absolute) {
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : absolute.split("/")) {
            if (segment.equals("..")) {
                if (parts.pollLast() == null) {
                    return null;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(segment);
            }
        }
        return "/" + String.join("/", parts);
    }
}
