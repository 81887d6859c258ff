package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a process's output into lines of at most {@code maxBytes} bytes: the rest of a longer line is read and
 * dropped, so a line without end cannot grow memory. Decodes UTF-8, replacing malformed input. Not thread-safe.
 */
final class LineReader {

    private final InputStream in;
    private final byte[] line;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.line = new byte[maxBytes];
    }

    /** The next line without its line break, or {@code null} at the end of the stream. */
    String readLine() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? decode(length) : null;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                return decode(length);
            }
            if (length < line.length) {
                line[length++] = b;
            }
        }
    }

    private String decode(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }
}
