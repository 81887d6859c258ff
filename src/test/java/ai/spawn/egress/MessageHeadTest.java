package ai.spawn.egress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageHeadTest {

    private static MessageHead.Read read(String text, int max) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
        return MessageHead.read(in::read, max);
    }

    @Test
    void readsAHeadAndKeepsWhatFollows() throws IOException {
        MessageHead.Read read = read("POST http://a/ HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody", 1024);

        assertThat(read.head().startParts()).containsExactly("POST", "http://a/", "HTTP/1.1");
        assertThat(read.head().header("content-length")).contains("4");
        assertThat(new String(read.rest(), StandardCharsets.ISO_8859_1)).isEqualTo("body");
    }

    @Test
    void acceptsBareLineFeeds() throws IOException {
        assertThat(read("GET http://a/ HTTP/1.0\nHost: a\n\nrest", 1024).head().header("Host")).contains("a");
    }

    @Test
    void returnsNullOnAnEmptyStreamAndRejectsCutOrOversizedOrMalformedHeads() throws IOException {
        assertThat(read("", 1024)).isNull();
        assertThatThrownBy(() -> read("GET http://a/ HTTP/1.1\r\nHost: a\r\n", 1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("GET http://a/ HTTP/1.1\r\nX: " + "y".repeat(2000) + "\r\n\r\n", 1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("GET http://a/ HTTP/1.1\r\nno colon\r\n\r\n", 1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("GET http://a/ HTTP/1.1\r\n folded: x\r\n\r\n", 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardingDropsHopByHopFieldsAndThoseNamedByConnection() {
        MessageHead head = MessageHead.parse("GET http://a/x HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, X-Secret"
                + "\r\nX-Secret: s\r\nKeep-Alive: 5\r\nProxy-Authorization: Basic x\r\nUpgrade: websocket\r\n"
                + "Accept: */*\r\n\r\n");

        MessageHead forwarded = head.forwarded("GET /x HTTP/1.1", Set.of("host"),
                List.of(new MessageHead.Header("Host", "a"), new MessageHead.Header("Connection", "close")));

        assertThat(new String(forwarded.bytes(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /x HTTP/1.1\r\nAccept: */*\r\nHost: a\r\nConnection: close\r\n\r\n");
    }
}
