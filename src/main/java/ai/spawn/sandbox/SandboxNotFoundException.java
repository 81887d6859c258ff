package ai.spawn.sandbox;

/** The sandbox does not exist (never did, or was destroyed). */
public class SandboxNotFoundException extends SandboxException {

    public SandboxNotFoundException(String sandboxId) {
        super(sandboxId, "sandbox " + sandboxId + " does not exist");
    }
}
