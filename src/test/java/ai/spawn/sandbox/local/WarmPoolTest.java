package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLaunchException;
import ai.spawn.sandbox.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pool's bookkeeping with a fake maker: sizes, hand-over, refill, capacity, memory, eviction, close. */
class WarmPoolTest {

    private static final SandboxLimits LIMITS = SandboxLimits.defaults();

    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicLong memory = new AtomicLong(Long.MAX_VALUE);
    private final AtomicBoolean failing = new AtomicBoolean();
    private WarmPool pool;
    private SandboxSlots slots;

    private WarmPool pool(int size, int maxLive, String... templates) {
        slots = new SandboxSlots(maxLive, 1000, memory::get);
        pool = new WarmPool(size, List.of(templates), LIMITS, slots, () -> "sbx-" + counter.incrementAndGet(),
                (id, template, limits) -> {
                    if (failing.get()) {
                        throw new SandboxLaunchException(id, "no");
                    }
                    existing.add(id);
                    return new PreparedSandbox(id, template, limits, null, null, null);
                },
                existing::remove);
        return pool;
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void fillsEveryTemplateToItsSize() {
        pool(2, 100, "node", "python").start();

        await().until(() -> pool.size() == 4);
        assertThat(pool.owned()).hasSize(4).isEqualTo(existing);
        assertThat(slots.used()).isEqualTo(4);
    }

    @Test
    void handsOverASandboxOfTheTemplateAndRefills() {
        pool(1, 100, "node", "python").start();
        await().until(() -> pool.size() == 2);

        Optional<PreparedSandbox> taken = pool.take("node", LIMITS);

        assertThat(taken).isPresent();
        assertThat(taken.get().template()).isEqualTo("node");
        assertThat(pool.owned()).doesNotContain(taken.get().id());
        await().until(() -> pool.size() == 2);
        assertThat(slots.used()).isEqualTo(3);
    }

    @Test
    void otherLimitsOrTemplatesAreNotServed() {
        pool(1, 100, "node").start();
        await().until(() -> pool.size() == 1);

        assertThat(pool.take("node", new SandboxLimits(DataSize.ofMegabytes(512), 128, 500,
                DataSize.ofMegabytes(512)))).isEmpty();
        assertThat(pool.take("static", LIMITS)).isEmpty();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void neverExceedsTheCapacity() {
        pool(2, 3, "node", "python").start();

        await().until(() -> pool.size() == 3);
        pool.refillSoon();
        await().during(java.time.Duration.ofMillis(200)).until(() -> pool.size() == 3);
        assertThat(slots.used()).isEqualTo(3);
    }

    @Test
    void doesNotFillUnderTheMemoryHeadroomAndResumesWhenMemoryIsBack() {
        memory.set(999);
        pool(1, 100, "node").start();
        pool.refillSoon();
        await().during(java.time.Duration.ofMillis(200)).until(() -> pool.size() == 0);

        memory.set(1000);
        pool.refillSoon();

        await().until(() -> pool.size() == 1);
    }

    @Test
    void evictionPassesTheSlotOn() {
        pool(1, 2, "node", "python").start();
        await().until(() -> pool.size() == 2);

        assertThat(pool.evictForRoom()).isTrue();

        assertThat(existing).hasSize(1);
        assertThat(slots.used()).isEqualTo(2);
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void aFailingMakerReleasesItsSlot() {
        failing.set(true);
        pool(1, 100, "node").start();
        pool.refillSoon();
        await().during(java.time.Duration.ofMillis(200)).until(() -> slots.used() == 0);

        failing.set(false);
        pool.refillSoon();
        await().until(() -> pool.size() == 1);
    }

    @Test
    void closeDestroysEveryPooledSandboxAndReleasesTheirSlots() {
        pool(2, 100, "node", "python", "static").start();
        await().until(() -> pool.size() == 6);

        pool.close();

        assertThat(existing).isEmpty();
        assertThat(slots.used()).isZero();
        assertThat(pool.take("node", LIMITS)).isEmpty();
    }

    @Test
    void sizeZeroMakesNothing() {
        pool(0, 100, "node").start();
        pool.refillSoon();

        await().during(java.time.Duration.ofMillis(200)).until(() -> existing.isEmpty());
    }
}
