package ai.spawn.sandbox;

/** A sandbox or its process could not be created or started. */
public class SandboxLaunchException extends SandboxException {

    public SandboxLaunchException(String sandboxId, String message) {
        super(sandboxId, message);
    }

    public SandboxLaunchException(String sandboxId, String message, Throwable cause) {
        super(sandboxId, message, cause);
    }
}
