package ai.spawn.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws progress events: on a terminal one line redrawn in place ({@code [#####-----]  65% start  ETA 0.4s
 * starting}), otherwise one plain line per event ({@code  65% start      starting (ETA 0.4s)}). Not thread-safe.
 */
final class ProgressView {

    private static final int BAR_WIDTH = 20;
    private static final int LINE_WIDTH = 79;
    private static final String CLEAR_TO_END = "\033[K";

    private final PrintWriter out;
    private final boolean tty;
    private boolean drawn;

    ProgressView(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    void show(ProgressEvent e) {
        if (tty) {
            out.print("\r" + barLine(e) + CLEAR_TO_END);
            out.flush();
            drawn = true;
        } else {
            out.println(plainLine(e));
        }
    }

    /** Ends the redrawn line so that what follows starts on its own line. */
    void end() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }

    static String barLine(ProgressEvent e) {
        int filled = e.percent() * BAR_WIDTH / 100;
        StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled))
                .append("] ").append(String.format(Locale.ROOT, "%3d%% ", e.percent())).append(e.step());
        if (e.etaMillis() != null && e.percent() < 100) {
            line.append("  ETA ").append(TimeText.eta(e.etaMillis()));
        }
        if (e.message() != null && !e.message().isBlank()) {
            line.append("  ").append(firstLine(e.message()));
        }
        return line.length() <= LINE_WIDTH ? line.toString() : line.substring(0, LINE_WIDTH - 3) + "...";
    }

    static String plainLine(ProgressEvent e) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%3d%% %-9s", e.percent(), e.step()));
        if (e.message() != null && !e.message().isBlank()) {
            line.append(' ').append(firstLine(e.message()));
        }
        if (e.etaMillis() != null && e.percent() < 100) {
            line.append(" (ETA ").append(TimeText.eta(e.etaMillis())).append(')');
        }
        return line.toString().stripTrailing();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
