package ai.spawn.web;

import java.io.IOException;

/**
 * A request body is larger than {@code spawnai.api.max-body}: thrown while reading a body of undeclared
 * length (chunked), answered 413. An {@link IOException} so that it passes through body readers as a read failure.
 */
final class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
