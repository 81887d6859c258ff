package ai.spawn.validation;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses JSON files with Jackson. Files that tools read as "JSON with comments" (tsconfig, jsconfig, .eslintrc,
 * .jsonc, .vscode/) may contain comments and trailing commas. Thread-safe.
 */
final class JsonSyntax {

    /** A parse error: 1-based line and Jackson's explanation. */
    record Problem(int line, String message) {
    }

    private final JsonMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final JsonMapper lenient = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    /** The first problem of the file, or {@code null} when it parses (or is a blank data file). */
    Problem check(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (content.isBlank()) {
            return name.equals("package.json") ? new Problem(1, "the file is empty") : null;
        }
        boolean withComments = name.startsWith("tsconfig") || name.startsWith("jsconfig")
                || name.startsWith(".eslintrc") || name.endsWith(".jsonc") || path.startsWith(".vscode/")
                || path.contains("/.vscode/");
        try {
            (withComments ? lenient : strict).readTree(content);
            return null;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            String message = e.getOriginalMessage();
            return new Problem(line, message == null ? e.getClass().getSimpleName() : message.lines().findFirst()
                    .orElse(message));
        }
    }
}
