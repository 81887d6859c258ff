package ai.spawn.spawn;

import java.time.Instant;
import java.util.List;

/**
 * An app as its owner sees it.
 *
 * @param id        public id
 * @param status    current state
 * @param title     human title, once known
 * @param prompt    the description it was made from ({@code null} for a bundle)
 * @param url       its public URL (also while being made; it answers once LIVE)
 * @param createdAt creation time
 * @param expiresAt when it ends unless extended
 * @param error     why it failed, when FAILED
 * @param runtime   runtime, once known
 * @param version   the version serving (0 before the first)
 * @param files     paths of its current files
 */
public record AppView(String id, SpawnState status, String title, String prompt, String url, Instant createdAt,
                      Instant expiresAt, Error error, String runtime, int version, List<String> files) {

    /**
     * Why an app failed.
     *
     * @param step    the failing step
     * @param message readable reason, with the last log lines when there are any
     */
    public record Error(String step, String message) { }
}
