package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pre-created sandboxes, per template, all with the default limits, so that creating one is a hand-over. One
 * background thread refills the pool after every hand-over and every few seconds (a refill stopped by capacity or
 * memory resumes once there is room again). It takes a slot of {@link SandboxSlots} for each sandbox it makes and
 * stops while the host is under its memory headroom, so the pool never pushes the machine past its capacity;
 * {@link #evictForRoom} gives a pooled sandbox's slot to a caller that needs one for another template.
 * Thread-safe. {@link #close()} destroys every pooled sandbox.
 */
final class WarmPool implements AutoCloseable {

    /** Makes a sandbox's resources (directories, workspace, cgroups); cleans up itself when it throws. */
    @FunctionalInterface
    interface Maker {
        PreparedSandbox make(String id, String template, SandboxLimits limits);
    }

    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);
    private static final Duration REFILL_PERIOD = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final int size;
    private final SandboxLimits limits;
    private final SandboxSlots slots;
    private final Supplier<String> ids;
    private final Maker maker;
    private final Consumer<String> destroyer;
    private final Map<String, Deque<PreparedSandbox>> ready = new LinkedHashMap<>();
    private final Set<String> making = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refillQueued = new AtomicBoolean();
    private final ScheduledExecutorService refiller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "sandbox-pool");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;
    private boolean memoryWarned;
    private boolean failureWarned;

    /**
     * @param destroyer removes a pooled sandbox's resources by id (its slot is handled here)
     */
    WarmPool(int size, List<String> templates, SandboxLimits limits, SandboxSlots slots, Supplier<String> ids,
             Maker maker, Consumer<String> destroyer) {
        this.size = size;
        this.limits = limits;
        this.slots = slots;
        this.ids = ids;
        this.maker = maker;
        this.destroyer = destroyer;
        for (String template : templates) {
            ready.put(template, new ArrayDeque<>());
        }
    }

    /** Starts filling the pool in the background; nothing happens when its size is 0. */
    void start() {
        if (size > 0 && !ready.isEmpty()) {
            refiller.scheduleWithFixedDelay(this::refill, 0, REFILL_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            log.info("warm pool: {} sandbox(es) per template for {}", size, ready.keySet());
        }
    }

    /** A pooled sandbox made for {@code template} with exactly {@code wanted} limits, if one is ready. */
    Optional<PreparedSandbox> take(String template, SandboxLimits wanted) {
        if (!limits.equals(wanted)) {
            return Optional.empty();
        }
        PreparedSandbox taken;
        synchronized (this) {
            Deque<PreparedSandbox> queue = ready.get(template);
            taken = queue == null || closed ? null : queue.pollFirst();
        }
        if (taken != null) {
            refillSoon();
        }
        return Optional.ofNullable(taken);
    }

    /**
     * Destroys one pooled sandbox (of the template with the most ready) and passes its slot to the caller, who
     * must release it once done with it.
     *
     * @return whether there was one to evict (else the caller got no slot)
     */
    boolean evictForRoom() {
        PreparedSandbox victim = null;
        synchronized (this) {
            Deque<PreparedSandbox> fullest = null;
            for (Deque<PreparedSandbox> queue : ready.values()) {
                if (!queue.isEmpty() && (fullest == null || queue.size() > fullest.size())) {
                    fullest = queue;
                }
            }
            if (fullest != null) {
                victim = fullest.pollLast();
            }
        }
        if (victim == null) {
            return false;
        }
        log.debug("pooled sandbox {} ({}) evicted to make room", victim.id(), victim.template());
        destroyQuietly(victim.id());
        return true;
    }

    /** Ids of the sandboxes the pool holds or is making: they belong to no app. */
    Set<String> owned() {
        Set<String> ids = new HashSet<>(making);
        synchronized (this) {
            ready.values().forEach(q -> q.forEach(p -> ids.add(p.id())));
        }
        return ids;
    }

    /** How many sandboxes wait in the pool. */
    synchronized int size() {
        return ready.values().stream().mapToInt(Deque::size).sum();
    }

    /** Schedules a refill unless one is already queued. */
    void refillSoon() {
        if (size > 0 && refillQueued.compareAndSet(false, true)) {
            try {
                refiller.execute(this::refill);
            } catch (RejectedExecutionException closing) {
                refillQueued.set(false);
            }
        }
    }

    /** Makes sandboxes, one per template in turn, until every template has {@code size} or there is no room. */
    private void refill() {
        refillQueued.set(false);
        boolean madeOne = true;
        while (madeOne) {
            madeOne = false;
            for (String template : List.copyOf(ready.keySet())) {
                if (missing(template) > 0) {
                    if (!makeOne(template)) {
                        return;
                    }
                    madeOne = true;
                }
            }
        }
    }

    private synchronized int missing(String template) {
        return closed ? 0 : size - ready.get(template).size();
    }

    /** Makes one sandbox for the pool; {@code false} when there is no room or making it failed. */
    private boolean makeOne(String template) {
        if (!slots.hasMemory()) {
            if (!memoryWarned) {
                log.warn("warm pool not refilled: the host has less than {} MiB of memory available",
                        slots.headroomBytes() >> 20);
                memoryWarned = true;
            }
            return false;
        }
        memoryWarned = false;
        if (!slots.tryAcquire()) {
            return false;
        }
        String id = ids.get();
        making.add(id);
        try {
            PreparedSandbox made = maker.make(id, template, limits);
            boolean keep;
            synchronized (this) {
                keep = !closed;
                if (keep) {
                    ready.get(template).addLast(made);
                }
            }
            if (!keep) {
                destroyQuietly(id);
                slots.release();
            }
            failureWarned = false;
            return keep;
        } catch (RuntimeException e) {
            slots.release();
            if (!failureWarned) {
                log.warn("warm pool could not make a {} sandbox; retrying every {} s", template,
                        REFILL_PERIOD.toSeconds(), e);
                failureWarned = true;
            } else {
                log.debug("warm pool could not make a {} sandbox: {}", template, e.toString());
            }
            return false;
        } finally {
            making.remove(id);
        }
    }

    private void destroyQuietly(String id) {
        try {
            destroyer.accept(id);
        } catch (SandboxException e) {
            log.warn("pooled sandbox {} could not be removed; it is a leftover now", id, e);
        }
    }

    @Override
    public void close() {
        List<PreparedSandbox> all;
        synchronized (this) {
            closed = true;
            all = ready.values().stream().flatMap(Deque::stream).toList();
            ready.values().forEach(Deque::clear);
        }
        refiller.shutdown();
        try {
            if (!refiller.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the warm pool's refill did not stop within {} s", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (PreparedSandbox prepared : all) {
            destroyQuietly(prepared.id());
            slots.release();
        }
    }
}
