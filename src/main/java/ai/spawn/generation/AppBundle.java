package ai.spawn.generation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything needed to run an app: the contract between generation and everything after it.
 * Provider-neutral; immutable.
 *
 * @param title   short human title ("Todo list")
 * @param runtime the runtime the app needs
 * @param files   relative path to UTF-8 content, sorted by path
 * @param install optional command run once before start (may be {@code null} or blank)
 * @param start   the long-running command that serves the app
 * @param port    the TCP port the app listens on inside its sandbox
 * @param origin  who made it and what it cost
 * @param summary one or two sentences on what the app does or what changed (may be {@code null})
 */
public record AppBundle(String title, Runtime runtime, Map<String, String> files, String install, String start,
                        int port, GenerationInfo origin, String summary) {

    /** A bundle without a summary. */
    public AppBundle(String title, Runtime runtime, Map<String, String> files, String install, String start,
                     int port, GenerationInfo origin) {
        this(title, runtime, files, install, start, port, origin, null);
    }

    public AppBundle {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(start, "start");
        files = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(files, "files")));
        origin = origin == null ? GenerationInfo.userSupplied() : origin;
        title = title == null || title.isBlank() ? "Untitled app" : title;
        install = install == null || install.isBlank() ? null : install;
    }

    /** Whether an install command must run before start. */
    public boolean needsInstall() {
        return install != null;
    }

    /** The same bundle with another origin. */
    public AppBundle withOrigin(GenerationInfo newOrigin) {
        return new AppBundle(title, runtime, files, install, start, port, newOrigin, summary);
    }
}
