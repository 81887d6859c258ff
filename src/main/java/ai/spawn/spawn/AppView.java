package ai.spawn.spawn;

import java.time.Instant;
import java.util.List;

import ai.spawn.usage.AppUsage;
import ai.spawn.validation.Finding;

/**
 * An app as its owner sees it.
 *
 * @param id              public id
 * @param status          current state
 * @param title           human title, once known
 * @param prompt          the description it was made from ({@code null} for a bundle)
 * @param url             its public URL (also while being made; it answers once LIVE)
 * @param createdAt       creation time
 * @param expiresAt       when it ends unless extended
 * @param error           why it failed, when FAILED
 * @param lastUpdateError why the last update failed while the previous version kept serving, if it did
 * @param runtime         runtime, once known
 * @param version         the version serving (0 before the first)
 * @param files           paths of its current files
 * @param engine          the generation engine of this server
 * @param findings        validation findings of the current version
 * @param cost            generation attempts, their tokens and dollars, and the budget
 * @param paused          whether its sandbox is frozen after a quiet spell (the next request wakes it)
 * @param usage           resources used: cpu-seconds, memory now/peak/average, bytes and requests through the gateway
 */
public record AppView(String id, SpawnState status, String title, String prompt, String url, Instant createdAt,
                      Instant expiresAt, Error error, Error lastUpdateError, String runtime, int version,
                      List<String> files, String engine, List<Finding> findings, Cost cost, Boolean paused,
                      AppUsage usage) {

    /**
     * Why an app or an update failed.
     *
     * @param step    the failing step
     * @param message readable reason, with the last log lines when there are any
     */
    public record Error(String step, String message) { }

    /**
     * What generating this app cost.
     *
     * @param budgetUsd the most it may cost
     * @param totalUsd  what it cost so far
     * @param attempts  each generation attempt, oldest first
     */
    public record Cost(double budgetUsd, double totalUsd, List<Attempt> attempts) { }

    /**
     * One generation attempt.
     *
     * @param kind             {@code create}, {@code fix} or {@code edit}
     * @param version          the version it produced
     * @param engine           engine
     * @param model            model
     * @param inputTokens      prompt tokens
     * @param outputTokens     completion tokens
     * @param cacheWriteTokens prompt-cache writes
     * @param cacheReadTokens  prompt-cache reads
     * @param costUsd          dollars (0 when {@code cached})
     * @param durationMillis   time spent
     * @param cached           whether a stored bundle was reused instead
     * @param outcome          {@code ok} or {@code failed}
     * @param error            why it failed
     * @param time             when
     */
    public record Attempt(String kind, Integer version, String engine, String model, long inputTokens,
                          long outputTokens, long cacheWriteTokens, long cacheReadTokens, double costUsd,
                          long durationMillis, boolean cached, String outcome, String error, Instant time) { }

    /**
     * One message of the conversation.
     *
     * @param role    {@code user} or {@code assistant}
     * @param text    the message
     * @param version the version it produced or describes, if any
     * @param time    when
     */
    public record Message(String role, String text, Integer version, Instant time) { }

    /**
     * One version.
     *
     * @param number    from 1
     * @param source    {@code prompt}, {@code bundle}, {@code message}, {@code restore} or {@code fix}
     * @param summary   what it is or changed
     * @param status    {@code PENDING}, {@code LIVE}, {@code SUPERSEDED} or {@code FAILED}
     * @param createdAt when
     * @param error     why it failed
     */
    public record Version(int number, String source, String summary, String status, Instant createdAt,
                          Error error) { }
}
