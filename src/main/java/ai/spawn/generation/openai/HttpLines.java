package ai.spawn.generation.openai;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange whose response body is read line by line on the calling thread, with a limit on silence
 * between lines and on the whole exchange. The JDK client pushes lines from its own threads into a queue; the
 * caller takes them with a timeout, which the JDK's blocking body streams cannot do. Not thread-safe: one caller.
 */
final class HttpLines implements AutoCloseable {

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Void>> exchange;
    private volatile Flow.Subscription subscription;
    private boolean ended;

    private HttpLines(HttpClient client, HttpRequest request) {
        HttpResponse.BodyHandler<Void> handler = info -> {
            head.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    lines.add(line);
                }

                @Override
                public void onError(Throwable t) {
                    lines.add(new Failure(t));
                }

                @Override
                public void onComplete() {
                    lines.add(END);
                }
            });
        };
        this.exchange = client.sendAsync(request, handler);
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                head.completeExceptionally(error);
                lines.add(new Failure(error));
            }
        });
    }

    /** Sends the request; the answer's head and lines follow. */
    static HttpLines send(HttpClient client, HttpRequest request) {
        return new HttpLines(client, request);
    }

    /**
     * Waits for the status line and headers.
     *
     * @throws IOException when the server cannot be reached or does not answer within {@code timeout}
     */
    HttpResponse.ResponseInfo head(Duration timeout) throws IOException, InterruptedException {
        try {
            return head.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw io(e.getCause());
        }
    }

    /**
     * The next line of the body, or {@code null} at its end.
     *
     * @param idle     longest silence before giving up
     * @param deadline {@link System#nanoTime()} by which the whole exchange must be over
     * @throws HttpTimeoutException on silence or past the deadline
     * @throws IOException          when the connection breaks
     */
    String next(Duration idle, long deadline) throws IOException, InterruptedException {
        if (ended) {
            return null;
        }
        long wait = Math.min(idle.toNanos(), deadline - System.nanoTime());
        Object item = wait <= 0 ? lines.poll() : lines.poll(wait, TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new HttpTimeoutException(deadline - System.nanoTime() <= 0 ? "the answer took too long"
                    : "no data for " + idle.toSeconds() + " s");
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure f) {
            ended = true;
            throw io(f.cause());
        }
        return (String) item;
    }

    /** The rest of the body as text, at most {@code limit} characters (for error answers). */
    String rest(int limit, Duration idle, long deadline) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (String line = next(idle, deadline); line != null && out.length() < limit; line = next(idle, deadline)) {
            out.append(line).append('\n');
        }
        return out.length() > limit ? out.substring(0, limit) : out.toString();
    }

    /** The headers, once {@link #head(Duration)} has returned. */
    HttpHeaders headers() {
        return head.join().headers();
    }

    private static IOException io(Throwable cause) {
        Throwable c = cause;
        while ((c instanceof CompletionException || c instanceof ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof IOException io ? io : new IOException(c.getMessage(), c);
    }

    /** Stops reading and releases the connection. */
    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        exchange.cancel(true);
    }
}
