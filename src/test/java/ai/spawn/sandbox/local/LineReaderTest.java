package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    private static List<String> lines(InputStream in, int maxBytes) throws IOException {
        LineReader reader = new LineReader(in, maxBytes);
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    private static InputStream of(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsLinesAndDropsCarriageReturns() throws IOException {
        assertThat(lines(of("one\r\ntwo\n\nthree"), 100)).containsExactly("one", "two", "", "three");
    }

    @Test
    void cutsLongLinesAndDropsTheirRest() throws IOException {
        assertThat(lines(of("abcdefghij\nxy\n"), 4)).containsExactly("abcd", "xy");
    }

    @Test
    void readsAnEndlessLineInBoundedMemory() throws IOException {
        InputStream endless = new InputStream() {
            private long left = 50L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };

        assertThat(lines(endless, 16)).containsExactly("x".repeat(16));
    }

    @Test
    void decodesUtf8() throws IOException {
        assertThat(lines(of("grüße ✓\n"), 100)).containsExactly("grüße ✓");
    }
}
