package ai.spawn.generation.anthropic;

import java.io.InterruptedIOException;
import java.time.Duration;

import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;

/**
 * Turns the SDK's exceptions into {@link GenerationException}s a person can act on. The messages never contain the
 * API key (the SDK does not put it in exceptions, and nothing here adds request headers). Stateless.
 */
final class AnthropicFailures {

    private final String model;
    private final int attempts;
    private final Duration timeout;

    AnthropicFailures(String model, int maxRetries, Duration timeout) {
        this.model = model;
        this.attempts = maxRetries + 1;
        this.timeout = timeout;
    }

    GenerationException of(AnthropicException e, GenerationInfo usage) {
        return new GenerationException(reason(e), e, usage);
    }

    private String reason(AnthropicException e) {
        if (e instanceof SseException sse) {
            return "the Anthropic stream broke off with an error (" + sse.type().map(Object::toString)
                    .orElse("unknown") + ": " + sse.apiMessage().orElse("no message") + ")";
        }
        if (e instanceof UnauthorizedException) {
            return "the Anthropic API key was refused (HTTP 401); check ANTHROPIC_API_KEY";
        }
        if (e instanceof PermissionDeniedException p) {
            return "the Anthropic API key may not use model " + model + " (HTTP 403: " + detail(p) + ")";
        }
        if (e instanceof NotFoundException n) {
            return "Anthropic does not know model " + model + " (HTTP 404: " + detail(n) + ")";
        }
        if (e instanceof RateLimitException) {
            return "Anthropic's rate limit was still exceeded after " + attempts(attempts)
                    + " (HTTP 429); try again in a minute";
        }
        if (e instanceof OverloadedException) {
            return "Anthropic was overloaded on " + attempts(attempts) + " (HTTP 529); try again in a few minutes";
        }
        if (e instanceof InternalServerException s) {
            return "Anthropic failed with a server error on " + attempts(attempts) + " (HTTP " + s.statusCode()
                    + ": " + detail(s) + ")";
        }
        if (e instanceof BadRequestException b) {
            return "Anthropic rejected the request (HTTP 400: " + detail(b) + ")";
        }
        if (e instanceof AnthropicServiceException s) {
            return "Anthropic answered HTTP " + s.statusCode() + " (" + detail(s) + ")";
        }
        if (e instanceof AnthropicIoException) {
            return hasCause(e, InterruptedIOException.class)
                    ? "Anthropic did not answer in time (no data for " + timeout.toSeconds() + " s, "
                    + attempts(attempts) + ")"
                    : "Anthropic could not be reached (" + rootMessage(e) + ")";
        }
        if (e instanceof AnthropicInvalidDataException) {
            return "Anthropic's answer could not be read (" + e.getMessage() + ")";
        }
        return "the call to Anthropic failed (" + e.getMessage() + ")";
    }

    private static String attempts(int n) {
        return n == 1 ? "1 attempt" : n + " attempts";
    }

    private static String detail(AnthropicServiceException e) {
        return e.apiMessage().orElse("no message");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
