package ai.spawn.spawn;

/** The request is malformed or breaks a limit; the message says which field and why. */
public class InvalidAppRequestException extends SpawnException {

    private final String field;

    public InvalidAppRequestException(String field, String message) {
        super(null, message);
        this.field = field;
    }

    /** The offending field, e.g. {@code bundle.files}, or {@code null}. */
    public String field() {
        return field;
    }
}
