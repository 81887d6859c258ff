package ai.spawn.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the findings of one rule run: at most one per rule, file and line (or message, for findings about no
 * particular line), and at most {@link #PER_FILE} per rule
 * and file — the rest are summed up in one more finding, so a hostile file cannot flood the event stream. Not
 * thread-safe; one instance per {@code check}.
 */
final class Findings {

    static final int PER_FILE = 10;

    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> perFile = new LinkedHashMap<>();
    private final Map<String, Finding> firstDropped = new LinkedHashMap<>();
    private final List<Finding> out = new ArrayList<>();

    void block(String rule, String path, int line, String message) {
        add(new Finding(Severity.BLOCK, rule, path, line, message));
    }

    void warn(String rule, String path, int line, String message) {
        add(new Finding(Severity.WARN, rule, path, line, message));
    }

    void info(String rule, String path, int line, String message) {
        add(new Finding(Severity.INFO, rule, path, line, message));
    }

    void add(Finding f) {
        // one finding per line; findings about no particular line are told apart by their message
        if (!seen.add(f.rule() + '\0' + f.path() + '\0' + f.line() + (f.line() == 0 ? '\0' + f.message() : ""))) {
            return;
        }
        String file = f.rule() + '\0' + f.path();
        int count = perFile.merge(file, 1, Integer::sum);
        if (count <= PER_FILE) {
            out.add(f);
        } else {
            firstDropped.putIfAbsent(file, f);
        }
    }

    List<Finding> list() {
        List<Finding> all = new ArrayList<>(out);
        firstDropped.forEach((file, f) -> all.add(new Finding(f.severity(), f.rule(), f.path(), 0,
                "the same problem occurs on " + (perFile.get(file) - PER_FILE) + " more lines of this file")));
        return all;
    }
}
