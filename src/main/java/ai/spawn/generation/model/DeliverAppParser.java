package ai.spawn.generation.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.Runtime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the input of a model's {@code deliver_app} tool call into an {@link AppBundle}, or explains why it cannot:
 * every problem is a {@link GenerationException} whose message a person can read, carrying what the attempt
 * consumed. Checks the shape (a JSON object with files), the paths (relative, inside the workspace), the counts and
 * sizes, the runtime, the start command (the static runtime gets the built-in file server) and the port.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeliverAppParser {

    /** Most files a bundle may have. */
    public static final int MAX_FILES = 60;
    /** Largest file, in UTF-8 bytes. */
    public static final int MAX_FILE_BYTES = 512 * 1024;
    /** The start command of static apps: the sandbox's built-in file server. */
    public static final String STATIC_START = "node /opt/spawnai/static-server.js";
    /** The port apps listen on when the model does not say. */
    public static final int DEFAULT_PORT = 3000;

    private static final int MAX_COMMAND = 1000;
    private static final int SNIPPET = 200;
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._@+\\-][A-Za-z0-9._@+\\- ]*");
    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * Parses one tool input.
     *
     * @param toolInput the JSON text of the tool call's input
     * @param usage     what the attempt consumed; becomes the bundle's origin and travels with a failure
     * @throws GenerationException when the input is not a usable app, naming the problem
     */
    public AppBundle parse(String toolInput, GenerationInfo usage) {
        if (toolInput == null || toolInput.isBlank()) {
            throw fail("the model called deliver_app without any input", usage);
        }
        JsonNode root;
        try {
            root = JSON.readTree(toolInput);
        } catch (JacksonException e) {
            throw fail("the model's deliver_app input is not valid JSON (" + firstLine(e.getOriginalMessage())
                    + ")", usage);
        }
        if (root == null || !root.isObject()) {
            throw fail("the model's deliver_app input is not a JSON object", usage);
        }
        Runtime runtime = runtime(root.get("runtime"), usage);
        Map<String, String> files = files(root.get("files"), usage);
        String install = optionalText(root, "install", usage);
        if (install != null) {
            checkCommand("install", install, usage);
        }
        String start = optionalText(root, "start", usage);
        if (start == null || start.isBlank()) {
            if (runtime != Runtime.STATIC) {
                throw fail("the model gave no start command for the " + runtime.wireName() + " app", usage);
            }
            start = STATIC_START;
        }
        checkCommand("start", start, usage);
        int port = port(root.get("port"), usage);
        return new AppBundle(optionalText(root, "title", usage), runtime, files, install, start.strip(), port, usage,
                optionalText(root, "summary", usage));
    }

    /**
     * The failure of an answer that did not call {@code deliver_app}, quoting the start of what the model said.
     */
    public static GenerationException noToolCall(String modelText, GenerationInfo usage) {
        String said = modelText == null ? "" : modelText.strip();
        return fail(said.isEmpty() ? "the model answered without calling deliver_app, so no app was delivered"
                : "the model answered in text instead of calling deliver_app: \"" + snippet(said) + "\"", usage);
    }

    /** The failure of an answer cut off by the output limit. */
    public static GenerationException truncated(long maxTokens, GenerationInfo usage) {
        return fail("the model's answer was cut off at the output limit of " + maxTokens
                + " tokens before the app was complete; ask for a smaller app or raise max-tokens", usage);
    }

    private static Runtime runtime(JsonNode node, GenerationInfo usage) {
        if (node == null || node.isNull()) {
            throw fail("the model did not say which runtime the app needs (node, python or static)", usage);
        }
        if (!node.isString()) {
            throw fail("the model's runtime is not a string: use node, python or static", usage);
        }
        try {
            return Runtime.fromWire(node.stringValue());
        } catch (IllegalArgumentException e) {
            throw fail("the model asked for an " + e.getMessage(), usage);
        }
    }

    private static Map<String, String> files(JsonNode node, GenerationInfo usage) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw fail("the model delivered no files", usage);
        }
        if (node.size() > MAX_FILES) {
            throw fail("the model delivered " + node.size() + " files; at most " + MAX_FILES + " are allowed", usage);
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonNode file : node) {
            if (!file.isObject() || !file.path("path").isString()) {
                throw fail("the model delivered a file without a path", usage);
            }
            String path = file.get("path").stringValue();
            String problem = pathProblem(path);
            if (problem != null) {
                throw fail("the model delivered an unsafe path \"" + snippet(path) + "\": " + problem, usage);
            }
            JsonNode content = file.get("content");
            if (content != null && !content.isNull() && !content.isString()) {
                throw fail("the content of " + path + " is not text", usage);
            }
            String text = content == null || content.isNull() ? "" : content.stringValue();
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_FILE_BYTES) {
                throw fail(path + " has " + bytes + " bytes; at most " + MAX_FILE_BYTES + " (512 KiB) are allowed",
                        usage);
            }
            if (text.indexOf('\0') >= 0) {
                throw fail(path + " contains NUL bytes; only text files are accepted", usage);
            }
            if (files.put(path, text) != null) {
                throw fail("the model delivered " + path + " twice", usage);
            }
        }
        return files;
    }

    private static String pathProblem(String path) {
        if (path.isBlank()) {
            return "the path is empty";
        }
        if (path.startsWith("/") || path.startsWith("~") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            return "paths must be relative and use '/'";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "paths must stay inside the workspace ('.' and '..' are not allowed)";
            }
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                return "empty segment or unusual characters (allowed: letters, digits, . _ - @ + space)";
            }
        }
        return null;
    }

    private static String optionalText(JsonNode root, String field, GenerationInfo usage) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw fail("the model's " + field + " is not a string", usage);
        }
        String text = node.stringValue().strip();
        return text.isEmpty() ? null : text;
    }

    private static void checkCommand(String name, String command, GenerationInfo usage) {
        if (command.length() > MAX_COMMAND || command.indexOf('\n') >= 0 || command.indexOf('\0') >= 0) {
            throw fail("the model's " + name + " command must be one line of at most " + MAX_COMMAND + " characters",
                    usage);
        }
    }

    private static int port(JsonNode node, GenerationInfo usage) {
        if (node == null || node.isNull()) {
            return DEFAULT_PORT;
        }
        int port;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            port = node.intValue();
        } else if (node.isString() && node.stringValue().strip().matches("\\d{1,5}")) {
            port = Integer.parseInt(node.stringValue().strip());
        } else {
            throw fail("the model's port " + snippet(node.toString()) + " is not a number", usage);
        }
        if (port < 1024 || port > 65535) {
            throw fail("the model chose port " + port + "; use a port between 1024 and 65535 (3000 is usual)", usage);
        }
        return port;
    }

    private static GenerationException fail(String reason, GenerationInfo usage) {
        return new GenerationException(reason, null, usage);
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
