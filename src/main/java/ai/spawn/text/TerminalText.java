package ai.spawn.text;

/**
 * Text from an app (its output, or a message quoting it) made safe to print on a terminal: every C0 and C1
 * control character but newline and tab is removed, and with it the escape sequences it starts (ANSI colours,
 * screen clears, OSC window titles and OSC 52 clipboard writes). Depends on the JDK only, so the command-line
 * client and the server both use it. Stateless and thread-safe.
 */
public final class TerminalText {

    private static final char ESC = 0x1B;
    private static final char BEL = 0x07;
    private static final char CSI = 0x9B;
    private static final char OSC = 0x9D;
    private static final char ST = 0x9C;

    private TerminalText() {
    }

    /** {@code text} without control characters (except {@code \n} and {@code \t}) or escape sequences. */
    public static String clean(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ESC || c == CSI || c == OSC || c == 0x90 || c == 0x98 || c == 0x9E || c == 0x9F) {
                i = endOfSequence(text, i);
            } else {
                if (!isControl(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** Whether {@code c} is a control character {@link #clean} removes. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The index after the escape sequence starting at {@code start}. */
    private static int endOfSequence(String text, int start) {
        char c = text.charAt(start);
        int i = start + 1;
        char kind = c;
        if (c == ESC) {
            if (i >= text.length()) {
                return i;
            }
            char next = text.charAt(i);
            if (next == '[') {
                kind = CSI;
            } else if (next == ']') {
                kind = OSC;
            } else if (next == 'P' || next == 'X' || next == '^' || next == '_') {
                kind = OSC; // DCS, SOS, PM, APC: strings ended like OSC
            } else {
                // a two-character escape (ESC c resets the terminal, ESC 7 saves the cursor, ...)
                return next >= 0x20 && next <= 0x7E ? i + 1 : i;
            }
            i++;
        }
        if (kind == CSI) {
            while (i < text.length()) {
                char p = text.charAt(i++);
                if (p >= 0x40 && p <= 0x7E) {
                    return i;
                }
                if (p < 0x20 || p > 0x3F) {
                    return i - 1; // not a CSI byte: the sequence was cut short
                }
            }
            return i;
        }
        // a string (OSC and friends) runs to BEL, ST or ESC \ ; an unterminated one to the end of the line
        while (i < text.length()) {
            char p = text.charAt(i);
            if (p == BEL || p == ST) {
                return i + 1;
            }
            if (p == ESC) {
                return i + 1 < text.length() && text.charAt(i + 1) == '\\' ? i + 2 : i;
            }
            if (p == '\n') {
                return i;
            }
            i++;
        }
        return i;
    }
}
