package ai.spawn.progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Event bus of one node: events are stored through {@link EventStore} and fanned out in memory. Publishing and
 * subscribing to the same app are serialised per app, which is what makes replay-then-live gap-free. Each
 * subscriber drains its own queue on a shared pool, so a slow subscriber never blocks a publisher; one that falls
 * more than {@value #MAX_BACKLOG} events behind is dropped. A channel (an app's last sequence number and
 * subscribers) unused for {@link #IDLE} with no subscriber is forgotten; a later publish or subscribe makes a new
 * one from the store, so a long-running node does not keep one per app it ever served.
 */
@Component
class LocalEventBus implements EventBus, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    static final int MAX_BACKLOG = 10_000;
    static final Duration IDLE = Duration.ofMinutes(10);

    private final EventStore store;
    private final ConcurrentMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService delivery;
    private final LongSupplier nanoTime;

    @Autowired
    LocalEventBus(EventStore store) {
        this(store, System::nanoTime);
    }

    LocalEventBus(EventStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
        AtomicInteger n = new AtomicInteger();
        this.delivery = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "event-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public SpawnEvent publish(SpawnEvent event) {
        return withChannel(event.appId(), channel -> publish(channel, event));
    }

    /** Numbers, stores and fans out {@code event}. Call with the channel's lock held. */
    private SpawnEvent publish(Channel channel, SpawnEvent event) {
        if (channel.lastSeq < 0) {
            channel.lastSeq = store.lastSeq(event.appId());
        }
        SpawnEvent numbered = event.withSeq(channel.lastSeq + 1);
        store.insert(numbered);
        channel.lastSeq = numbered.seq();
        for (Subscriber s : channel.subscribers) {
            s.offer(numbered);
        }
        return numbered;
    }

    @Override
    public List<SpawnEvent> history(String appId) {
        return store.after(appId, 0);
    }

    @Override
    public Subscription subscribe(String appId, long afterSeq, Consumer<SpawnEvent> listener) {
        return withChannel(appId, channel -> {
            Subscriber subscriber = new Subscriber(channel, listener);
            for (SpawnEvent past : store.after(appId, afterSeq)) {
                subscriber.offer(past);
            }
            channel.subscribers.add(subscriber);
            return subscriber;
        });
    }

    /**
     * Runs {@code work} holding the lock of {@code appId}'s live channel, marked used; a channel forgotten meanwhile
     * ({@link #forgetIdleChannels}) is skipped for a new one.
     */
    private <T> T withChannel(String appId, Function<Channel, T> work) {
        while (true) {
            Channel channel = channels.computeIfAbsent(appId, id -> new Channel(nanoTime.getAsLong()));
            synchronized (channel) {
                if (!channel.retired) {
                    channel.lastUsed = nanoTime.getAsLong();
                    return work.apply(channel);
                }
            }
        }
    }

    /**
     * Forgets the channels with no subscriber that nothing used for {@link #IDLE}. Under the channel's lock, so a
     * publisher or subscriber holding it either finishes first or sees it retired and takes a new one.
     *
     * @return how many were forgotten
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    int forgetIdleChannels() {
        long now = nanoTime.getAsLong();
        int forgotten = 0;
        for (Map.Entry<String, Channel> entry : channels.entrySet()) {
            Channel channel = entry.getValue();
            synchronized (channel) {
                if (channel.subscribers.isEmpty() && now - channel.lastUsed > IDLE.toNanos()) {
                    channel.retired = true;
                    channels.remove(entry.getKey(), channel);
                    forgotten++;
                }
            }
        }
        return forgotten;
    }

    /** How many apps have a channel now. */
    int channelCount() {
        return channels.size();
    }

    @Override
    public void destroy() {
        delivery.shutdownNow();
    }

    /** One app's sequence and subscribers; its fields are guarded by its own lock. */
    private static final class Channel {
        long lastSeq = -1;
        long lastUsed;
        boolean retired;
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

        Channel(long now) {
            this.lastUsed = now;
        }
    }

    private final class Subscriber implements Subscription, Runnable {
        private final Channel channel;
        private final Consumer<SpawnEvent> listener;
        private final Queue<SpawnEvent> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger backlog = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean closed;

        Subscriber(Channel channel, Consumer<SpawnEvent> listener) {
            this.channel = channel;
            this.listener = listener;
        }

        void offer(SpawnEvent event) {
            if (closed) {
                return;
            }
            if (backlog.incrementAndGet() > MAX_BACKLOG) {
                log.warn("dropping a subscriber of app {}: {} events behind", event.appId(), MAX_BACKLOG);
                close();
                return;
            }
            queue.add(event);
            if (scheduled.compareAndSet(false, true)) {
                delivery.execute(this);
            }
        }

        @Override
        public void run() {
            SpawnEvent next;
            while (!closed && (next = queue.poll()) != null) {
                backlog.decrementAndGet();
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.debug("subscriber of app {} failed, closing it: {}", next.appId(), e.toString());
                    close();
                }
            }
            scheduled.set(false);
            if (!closed && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                delivery.execute(this);
            }
        }

        @Override
        public void close() {
            closed = true;
            channel.subscribers.remove(this);
            queue.clear();
        }
    }
}
