package ai.spawn.generation;

import java.util.Locale;

/** The runtimes a sandbox offers to an app. */
public enum Runtime {
    /** Node.js (the host's {@code node}); start command such as {@code node server.js}. */
    NODE,
    /** Python 3 (the host's {@code python3}); start command such as {@code python3 app.py}. */
    PYTHON,
    /** Static files served by a small built-in file server. */
    STATIC;

    /** Lower-case wire name: {@code node}, {@code python}, {@code static}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code value} is not one of them
     */
    public static Runtime fromWire(String value) {
        if (value != null) {
            for (Runtime r : values()) {
                if (r.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + value + "': use node, python or static");
    }
}
