package ai.spawn.gateway;

import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Client messages that arrived while they could not be handled yet (the app is being connected to, or a pipelined
 * request waits for the previous response), oldest first. Confined to the connection's event loop.
 */
final class HeldMessages {

    /** Beyond this many body bytes or messages, the client should no longer be read. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_MESSAGES = 64;

    private final ArrayDeque<Object> messages = new ArrayDeque<>();
    private int bytes;

    void add(Object msg) {
        messages.add(msg);
        if (msg instanceof HttpContent content) {
            bytes += content.content().readableBytes();
        }
    }

    Object poll() {
        Object msg = messages.poll();
        if (msg instanceof HttpContent content) {
            bytes -= content.content().readableBytes();
        }
        return msg;
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    boolean full() {
        return bytes > MAX_BYTES || messages.size() > MAX_MESSAGES;
    }

    void releaseAll() {
        messages.forEach(ReferenceCountUtil::release);
        messages.clear();
        bytes = 0;
    }
}
