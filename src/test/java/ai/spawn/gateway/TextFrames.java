package ai.spawn.gateway;

import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket listener for tests: each whole text message, and how the socket ended ({@code closed <status>} or
 * {@code closed by error ...}), goes to {@code received} in order.
 */
final class TextFrames implements WebSocket.Listener {

    private final BlockingQueue<String> received;
    private final StringBuilder text = new StringBuilder();

    TextFrames(BlockingQueue<String> received) {
        this.received = received;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.add("closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.add("closed by error " + error);
    }
}
