package ai.spawn.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shape of a bundle: at least one file, counts and sizes within limits, paths relative and inside the
 * workspace, a start command and a usable port.
 */
@Component
@Order(0)
class StructureRule implements ValidationRule {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._@+\\-][A-Za-z0-9._@+\\- ]*");
    private static final int MAX_COMMAND = 1000;

    private final ValidationProperties limits;

    StructureRule(ValidationProperties limits) {
        this.limits = limits;
    }

    @Override
    public boolean shapeOnly() {
        return true;
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        List<Finding> out = new ArrayList<>();
        if (bundle.files().isEmpty()) {
            out.add(Finding.block("bundle.empty", null, "the bundle has no files"));
        }
        if (bundle.files().size() > limits.maxFiles()) {
            out.add(Finding.block("bundle.too-many-files", null,
                    "the bundle has " + bundle.files().size() + " files; at most " + limits.maxFiles()
                            + " are allowed"));
        }
        long total = 0;
        for (var file : bundle.files().entrySet()) {
            String path = file.getKey();
            String problem = pathProblem(path);
            if (problem != null) {
                out.add(Finding.block("path.unsafe", path, problem));
            }
            long size = file.getValue() == null ? 0 : file.getValue().getBytes(StandardCharsets.UTF_8).length;
            total += size;
            if (size > limits.maxFileSize().toBytes()) {
                out.add(Finding.block("file.too-large", path, "the file has " + size + " bytes; at most "
                        + limits.maxFileSize().toBytes() + " are allowed"));
            }
            if (file.getValue() != null && file.getValue().indexOf('\0') >= 0) {
                out.add(Finding.block("file.binary", path, "the file contains NUL bytes; only text files are accepted"));
            }
        }
        if (total > limits.maxBundleSize().toBytes()) {
            out.add(Finding.block("bundle.too-large", null, "the files total " + total + " bytes; at most "
                    + limits.maxBundleSize().toBytes() + " are allowed"));
        }
        if (bundle.start().isBlank()) {
            out.add(Finding.block("start.missing", null, "the start command is empty"));
        } else if (bundle.start().length() > MAX_COMMAND || bundle.start().indexOf('\n') >= 0) {
            out.add(Finding.block("start.invalid", null, "the start command must be one line of at most "
                    + MAX_COMMAND + " characters"));
        }
        if (bundle.install() != null && (bundle.install().length() > MAX_COMMAND
                || bundle.install().indexOf('\n') >= 0)) {
            out.add(Finding.block("install.invalid", null, "the install command must be one line of at most "
                    + MAX_COMMAND + " characters"));
        }
        if (bundle.port() < 1024 || bundle.port() > 65535) {
            out.add(Finding.block("port.invalid", null, "port " + bundle.port()
                    + " is not allowed; use a port between 1024 and 65535 (3000 is usual)"));
        }
        return out;
    }

    private String pathProblem(String path) {
        if (path == null || path.isBlank()) {
            return "a file has an empty path";
        }
        if (path.length() > limits.maxPathLength()) {
            return "the path is longer than " + limits.maxPathLength() + " characters";
        }
        if (path.startsWith("/") || path.contains("\\")) {
            return "paths must be relative and use '/'";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "paths must stay inside the workspace ('.' and '..' are not allowed)";
            }
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                return "the path has an empty segment or unusual characters (allowed: letters, digits, . _ - @ + space)";
            }
        }
        return null;
    }
}
