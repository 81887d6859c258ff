package ai.spawn.validation;

/**
 * One validation finding.
 *
 * @param severity how bad
 * @param rule     stable rule id, e.g. {@code path.traversal}
 * @param path     the file concerned, or {@code null} for the whole bundle
 * @param line     1-based line, or 0 when not about a line
 * @param message  human-readable explanation
 */
public record Finding(Severity severity, String rule, String path, int line, String message) {

    public static Finding block(String rule, String path, String message) {
        return new Finding(Severity.BLOCK, rule, path, 0, message);
    }

    public static Finding block(String rule, String path, int line, String message) {
        return new Finding(Severity.BLOCK, rule, path, line, message);
    }

    public static Finding warn(String rule, String path, int line, String message) {
        return new Finding(Severity.WARN, rule, path, line, message);
    }

    public static Finding info(String rule, String path, String message) {
        return new Finding(Severity.INFO, rule, path, 0, message);
    }

    /** "path:line: message" or just the message. */
    public String describe() {
        String where = path == null ? "" : line > 0 ? path + ":" + line + ": " : path + ": ";
        return where + message;
    }
}
