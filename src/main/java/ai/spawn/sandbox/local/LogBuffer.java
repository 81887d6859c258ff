package ai.spawn.sandbox.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The last lines of a process's output, bounded both in lines and in characters so that a log flood costs a fixed
 * amount of memory. Thread-safe.
 */
final class LogBuffer {

    private final int maxLines;
    private final int maxChars;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private int chars;

    LogBuffer(int maxLines, int maxChars) {
        if (maxLines < 1 || maxChars < 1) {
            throw new IllegalArgumentException("maxLines and maxChars must be positive");
        }
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    synchronized void add(String line) {
        String kept = line.length() > maxChars ? line.substring(0, maxChars) : line;
        lines.addLast(kept);
        chars += kept.length();
        while (lines.size() > maxLines || chars > maxChars) {
            chars -= lines.removeFirst().length();
        }
    }

    /** The last {@code max} lines, oldest first. */
    synchronized List<String> last(int max) {
        int n = Math.max(0, Math.min(max, lines.size()));
        List<String> result = new ArrayList<>(n);
        Iterator<String> newestFirst = lines.descendingIterator();
        for (int i = 0; i < n; i++) {
            result.add(newestFirst.next());
        }
        Collections.reverse(result);
        return result;
    }
}
