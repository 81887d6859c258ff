package ai.spawn.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * Waits until an app answers HTTP through the gateway. Written on a plain socket because the JDK's HttpClient
 * refuses to set the {@code Host} header that routes to the app (and Java does not resolve {@code *.localhost}).
 */
@Component
class HealthProbe {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration MAX_PAUSE = Duration.ofMillis(200);
    private static final int READ_TIMEOUT_MS = 2000;

    private final AppGateway gateway;
    private final Clock clock;

    HealthProbe(AppGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Polls {@code GET /} until the app answers with a status below 500, backing off from 10 to 200 ms.
     *
     * @param alive tells whether the app process still runs; the wait ends early when it does not
     * @return the outcome
     */
    Result await(String appId, int port, Duration timeout, BooleanSupplier alive) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = FIRST_PAUSE;
        int lastStatus = 0;
        while (true) {
            lastStatus = probe(appId, port);
            if (lastStatus > 0 && lastStatus < 500) {
                return new Result(true, lastStatus, "answered HTTP " + lastStatus);
            }
            if (!alive.getAsBoolean()) {
                return new Result(false, lastStatus, "the app process exited before answering HTTP on port " + port);
            }
            if (clock.instant().isAfter(deadline)) {
                return new Result(false, lastStatus, "the app did not answer HTTP on port " + port + " within "
                        + timeout.toSeconds() + " s" + (lastStatus > 0 ? " (last status " + lastStatus + ")" : ""));
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    /** One request; the HTTP status, or 0 when nothing answered. */
    private int probe(String appId, int port) {
        var address = gateway.localAddress();
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + gateway.host(appId, port)
                    + "\r\nUser-Agent: spawnai-health\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parseStatus(socket.getInputStream());
        } catch (IOException e) {
            return 0;
        }
    }

    private static int parseStatus(InputStream in) throws IOException {
        byte[] head = new byte[12];
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                return 0;
            }
            n += r;
        }
        String line = new String(head, StandardCharsets.US_ASCII);
        if (!line.startsWith("HTTP/1.")) {
            return 0;
        }
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the app answered, its last status (0 for none), and a sentence for the user. */
    record Result(boolean healthy, int status, String message) { }
}
