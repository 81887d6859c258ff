package ai.spawn.spawn;

import java.time.Instant;

/**
 * An app as stored.
 *
 * @param id             public id (lowercase letters and digits)
 * @param sessionId      owning session
 * @param status         current state
 * @param prompt         the description it was made from, or {@code null} for a bundle
 * @param title          human title
 * @param runtime        runtime wire name, once known
 * @param port           app port inside the sandbox, once known
 * @param sandboxId      its sandbox, while it has one
 * @param currentVersion the version serving (0 before the first)
 * @param errorStep      the failing step when FAILED
 * @param errorMessage   the reason when FAILED
 * @param createdAt      creation time
 * @param updatedAt      last change
 * @param expiresAt      when the reaper ends it
 * @param lockVersion    optimistic-lock counter
 */
public record App(String id, String sessionId, SpawnState status, String prompt, String title, String runtime,
                  Integer port, String sandboxId, int currentVersion, String errorStep, String errorMessage,
                  Instant createdAt, Instant updatedAt, Instant expiresAt, long lockVersion) {

    App withStatus(SpawnState next, Instant now) {
        return new App(id, sessionId, next, prompt, title, runtime, port, sandboxId, currentVersion, errorStep,
                errorMessage, createdAt, now, expiresAt, lockVersion);
    }

    App withSandbox(String newSandboxId) {
        return new App(id, sessionId, status, prompt, title, runtime, port, newSandboxId, currentVersion, errorStep,
                errorMessage, createdAt, updatedAt, expiresAt, lockVersion);
    }

    App withError(String step, String message) {
        return new App(id, sessionId, status, prompt, title, runtime, port, sandboxId, currentVersion, step, message,
                createdAt, updatedAt, expiresAt, lockVersion);
    }

    App withVersion(int version, String newTitle, String newRuntime, int newPort) {
        return new App(id, sessionId, status, prompt, newTitle, newRuntime, newPort, sandboxId, version, errorStep,
                errorMessage, createdAt, updatedAt, expiresAt, lockVersion);
    }

    App withExpiresAt(Instant deadline) {
        return new App(id, sessionId, status, prompt, title, runtime, port, sandboxId, currentVersion, errorStep,
                errorMessage, createdAt, updatedAt, deadline, lockVersion);
    }
}
