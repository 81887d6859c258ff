package ai.spawn.progress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-memory side of the event bus: numbering, replay-then-live, and forgetting idle channels. */
class LocalEventBusTest {

    /** An event store in a list, standing in for the events table. */
    private static final class ListStore extends EventStore {
        final List<SpawnEvent> rows = new CopyOnWriteArrayList<>();
        int lastSeqReads;

        ListStore() {
            super(null);
        }

        @Override
        void insert(SpawnEvent e) {
            rows.add(e);
        }

        @Override
        long lastSeq(String appId) {
            lastSeqReads++;
            return rows.stream().filter(e -> e.appId().equals(appId)).mapToLong(SpawnEvent::seq).max().orElse(0);
        }

        @Override
        List<SpawnEvent> after(String appId, long afterSeq) {
            return rows.stream().filter(e -> e.appId().equals(appId) && e.seq() > afterSeq).toList();
        }
    }

    private final ListStore store = new ListStore();
    private final AtomicLong now = new AtomicLong();
    private final LocalEventBus bus = new LocalEventBus(store, now::get);

    @AfterEach
    void stop() {
        bus.destroy();
    }

    private static SpawnEvent event(String appId, String step) {
        return new SpawnEvent(appId, 0, step, "GENERATING", 10, null, step, Instant.EPOCH);
    }

    @Test
    void aChannelIdleLongerThanTheLimitWithoutSubscribersIsForgottenAndNumberingGoesOn() {
        bus.publish(event("a", "one"));
        bus.publish(event("a", "two"));
        bus.subscribe("a", 0, e -> { }).close();
        now.addAndGet(LocalEventBus.IDLE.toNanos() - 1);

        assertThat(bus.forgetIdleChannels()).isZero();
        now.addAndGet(2);
        assertThat(bus.forgetIdleChannels()).isEqualTo(1);
        assertThat(bus.channelCount()).isZero();

        SpawnEvent third = bus.publish(event("a", "three"));
        assertThat(third.seq()).isEqualTo(3);
        assertThat(store.lastSeqReads).isEqualTo(2);
    }

    @Test
    void aChannelWithASubscriberStaysAndKeepsDelivering() {
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.publish(event("b", "one"));
        bus.subscribe("b", 0, e -> seen.add(e.step()));
        now.addAndGet(LocalEventBus.IDLE.toNanos() * 3);

        assertThat(bus.forgetIdleChannels()).isZero();
        bus.publish(event("b", "two"));

        await().until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("one", "two");
    }

    @Test
    void aRecentlyUsedChannelStays() {
        bus.publish(event("c", "one"));
        now.addAndGet(LocalEventBus.IDLE.toNanos());
        bus.publish(event("c", "two"));
        now.addAndGet(LocalEventBus.IDLE.toNanos() / 2);

        assertThat(bus.forgetIdleChannels()).isZero();
        assertThat(bus.channelCount()).isEqualTo(1);
    }

    @Test
    void aSubscriberAfterTheChannelWasForgottenGetsHistoryThenLiveEvents() {
        bus.publish(event("d", "one"));
        now.addAndGet(LocalEventBus.IDLE.toNanos() + 1);
        bus.forgetIdleChannels();
        List<Long> seqs = new ArrayList<>();

        bus.subscribe("d", 0, e -> {
            synchronized (seqs) {
                seqs.add(e.seq());
            }
        });
        bus.publish(event("d", "two"));

        await().until(() -> {
            synchronized (seqs) {
                return seqs.size() == 2;
            }
        });
        assertThat(seqs).containsExactly(1L, 2L);
    }
}
