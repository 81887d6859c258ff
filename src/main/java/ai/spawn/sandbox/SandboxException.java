package ai.spawn.sandbox;

/** A sandbox operation failed. Carries the sandbox id when known. */
public class SandboxException extends RuntimeException {

    private final String sandboxId;

    public SandboxException(String sandboxId, String message) {
        super(message);
        this.sandboxId = sandboxId;
    }

    public SandboxException(String sandboxId, String message, Throwable cause) {
        super(message, cause);
        this.sandboxId = sandboxId;
    }

    /** The sandbox concerned, or {@code null} when none was created yet. */
    public String sandboxId() {
        return sandboxId;
    }
}
