package ai.spawn.web;

/** The request carries no valid session token. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
