package ai.spawn.egress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The head of an HTTP/1.x message: its start line and header fields, in order. Parsing is strict enough to reject
 * garbage and lenient about bare LF line ends. Immutable.
 */
record MessageHead(String startLine, List<Header> headers) {

    /** A header field as received. */
    record Header(String name, String value) {
    }

    /** Reads bytes like {@link java.io.InputStream#read(byte[], int, int)}: -1 at the end. */
    @FunctionalInterface
    interface Source {
        int read(byte[] buffer, int offset, int length) throws IOException;
    }

    /** A head as read, with the bytes that followed it in the same reads. */
    record Read(MessageHead head, byte[] rest) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "proxy-authenticate", "te", "upgrade");

    MessageHead {
        headers = List.copyOf(headers);
    }

    /**
     * Reads one head from {@code in}.
     *
     * @return {@code null} when the stream ended before the first byte
     * @throws IllegalArgumentException when the head is malformed, longer than {@code max} bytes, or cut short
     */
    static Read read(Source in, int max) throws IOException {
        byte[] buffer = new byte[Math.min(max, 8192)];
        int length = 0;
        int scanned = 0;
        while (true) {
            if (length == buffer.length) {
                if (buffer.length >= max) {
                    throw new IllegalArgumentException("message head longer than " + max + " bytes");
                }
                buffer = Arrays.copyOf(buffer, Math.min(max, buffer.length * 2));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                if (length == 0) {
                    return null;
                }
                throw new IllegalArgumentException("connection closed inside the message head");
            }
            length += n;
            for (; scanned < length; scanned++) {
                int end = endOfHead(buffer, scanned);
                if (end > 0) {
                    MessageHead head = parse(new String(buffer, 0, end, StandardCharsets.ISO_8859_1));
                    return new Read(head, Arrays.copyOfRange(buffer, end, length));
                }
            }
        }
    }

    /** The index just past a blank line ending at {@code i}, or 0. */
    private static int endOfHead(byte[] b, int i) {
        if (b[i] != '\n' || i < 1) {
            return 0;
        }
        if (b[i - 1] == '\n') {
            return i + 1;
        }
        return i >= 3 && b[i - 1] == '\r' && b[i - 2] == '\n' ? i + 1 : 0;
    }

    static MessageHead parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("empty start line");
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
                    || !line.substring(0, colon).chars().allMatch(MessageHead::isTokenChar)) {
                throw new IllegalArgumentException("malformed header line");
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new MessageHead(lines[0], headers);
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /** The start line's space-separated parts (method, target, version or version, status, reason). */
    String[] startParts() {
        return startLine.split(" ", 3);
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /**
     * A copy with another start line, without hop-by-hop fields (and those {@code Connection} names), without
     * {@code drop}, and with {@code extra} appended.
     */
    MessageHead forwarded(String newStartLine, Set<String> drop, List<Header> extra) {
        Set<String> named = new java.util.HashSet<>();
        header("connection").ifPresent(v -> Arrays.stream(v.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).forEach(named::add));
        List<Header> kept = new ArrayList<>();
        for (Header h : headers) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !named.contains(lower) && !drop.contains(lower)) {
                kept.add(h);
            }
        }
        kept.addAll(extra);
        return new MessageHead(newStartLine, kept);
    }

    byte[] bytes() {
        StringBuilder s = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> s.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
