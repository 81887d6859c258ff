package ai.spawn.spawn;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pool that runs pipelines: {@code spawnai.apps.workers} threads and a bounded queue. */
@Configuration(proxyBeanMethods = false)
class SpawnConfig {

    static final int QUEUE = 10_000;

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService spawnWorkers(SpawnProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "spawn-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }
}
