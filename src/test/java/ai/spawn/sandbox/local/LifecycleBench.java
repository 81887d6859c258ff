package ai.spawn.sandbox.local;

import ai.spawn.gateway.AppActivity;
import ai.spawn.gateway.GatewayProperties;
import ai.spawn.gateway.GatewayServer;
import ai.spawn.gateway.Route;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.testing.DataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The lifecycle figures of the local provider, on real bubblewrap: warm-pool hand-over (create + start) against a
 * create without a pool, in one run; create until the app's process runs (prints), pooled and not, against a bare
 * bwrap; thaw of a paused node app (resume() alone, and a request through the gateway
 * that wakes it, against the same request to an awake app). Prints figures, asserts nothing; not run by the default
 * build: {@code bench/lifecycle/run.sh}.
 */
class LifecycleBench {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final SandboxLimits LIMITS = SandboxLimits.defaults();
    private static final SandboxSpec SPEC = new SandboxSpec("bench", "node", LIMITS, Map.of("PORT", "3000"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SERVER = "require('http').createServer((q, r) => r.end('ok'))"
            + ".listen(process.env.PORT, () => console.log('listening'))";

    @Test
    void handOver() {
        try (BubblewrapSandboxProvider pooled = BubblewrapSandboxProvider.open(DataDirs.fresh("bench-pool"), 10001,
                new CapacitySettings(2, List.of("node"), LIMITS, 1000, 0));
             BubblewrapSandboxProvider fresh = BubblewrapSandboxProvider.open(DataDirs.fresh("bench-fresh"), 10001,
                     new CapacitySettings(0, List.of(), LIMITS, 1000, 0))) {
            long[][] withPool = new long[NAMES.length][RUNS];
            long[][] withoutPool = new long[NAMES.length][RUNS];
            // interleaved, so that both see the same machine
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                await().atMost(TIMEOUT).until(() -> pooled.capacity().pooled() == 2);
                measureCreateAndStart(pooled, withPool, i - WARM_UP);
                measureCreateAndStart(fresh, withoutPool, i - WARM_UP);
            }
            print("hand-over from the warm pool", withPool);
            print("create without a pool (baseline)", withoutPool);
            System.out.printf("create-to-running p50 ratio, pool / no pool: %.3f; provisioning p50 ratio: %.3f%n",
                    p(withPool[3], 50) / p(withoutPool[3], 50), p(withPool[4], 50) / p(withoutPool[4], 50));
        }
    }

    /**
     * Create-to-process-running as the app sees it: {@code create()} then {@code start()} of a command that prints a
     * line, until that line is read on the host; from the warm pool and without one, interleaved with a bare
     * {@code bwrap} (new namespaces, read-only {@code /usr}, echo) as the baseline.
     */
    @Test
    void running() throws Exception {
        try (BubblewrapSandboxProvider pooled = BubblewrapSandboxProvider.open(DataDirs.fresh("bench-run-pool"),
                10001, new CapacitySettings(2, List.of("node"), LIMITS, 1000, 0));
             BubblewrapSandboxProvider fresh = BubblewrapSandboxProvider.open(DataDirs.fresh("bench-run-fresh"),
                     10001, new CapacitySettings(0, List.of(), LIMITS, 1000, 0))) {
            long[] withPool = new long[RUNS];
            long[] withoutPool = new long[RUNS];
            long[] bare = new long[RUNS];
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                await().atMost(TIMEOUT).until(() -> pooled.capacity().pooled() == 2);
                long a = untilRunning(pooled);
                long b = untilRunning(fresh);
                long c = bareBwrap();
                if (i >= WARM_UP) {
                    withPool[i - WARM_UP] = a;
                    withoutPool[i - WARM_UP] = b;
                    bare[i - WARM_UP] = c;
                }
            }
            printOne("running: create() + start() until the process's first line is read, warm pool", withPool);
            printOne("running: the same without a pool", withoutPool);
            printOne("running: bare bwrap with new namespaces, echo, until its line is read (baseline)", bare);
            System.out.printf("running p50 ratios: pool / bare bwrap %.2f, no pool / bare bwrap %.2f, pool / no pool"
                    + " %.2f%n", p(withPool, 50) / p(bare, 50), p(withoutPool, 50) / p(bare, 50),
                    p(withPool, 50) / p(withoutPool, 50));
        }
    }

    private static long untilRunning(BubblewrapSandboxProvider provider) {
        long t0 = System.nanoTime();
        Sandbox sandbox = provider.create(SPEC);
        sandbox.start("echo ready; exec sleep 600", 3000);
        while (!sandbox.logs(1).contains("ready")) {
            Thread.onSpinWait();
        }
        long took = System.nanoTime() - t0;
        sandbox.destroy();
        return took;
    }

    private static long bareBwrap() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "/bin/sh", "-c", "echo ready").redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.US_ASCII)).readLine();
        long took = System.nanoTime() - t0;
        p.waitFor();
        if (!"ready".equals(line)) {
            throw new IOException("bare bwrap printed " + line);
        }
        return took;
    }

    private static final String[] NAMES = {"create()", "writeFiles() of one file", "start()",
        "create-to-running (create() + start())", "provisioning (create() + writeFiles() + start())"};

    /** Times create, writeFiles and start into {@code times[..][run]} (skipped while warming up). */
    private static void measureCreateAndStart(BubblewrapSandboxProvider provider, long[][] times, int run) {
        long t0 = System.nanoTime();
        Sandbox sandbox = provider.create(SPEC);
        long t1 = System.nanoTime();
        sandbox.writeFiles(Map.of("server.js", SERVER));
        long t2 = System.nanoTime();
        sandbox.start("node server.js", 3000);
        long t3 = System.nanoTime();
        sandbox.destroy();
        if (run >= 0) {
            times[0][run] = t1 - t0;
            times[1][run] = t2 - t1;
            times[2][run] = t3 - t2;
            times[3][run] = (t1 - t0) + (t3 - t2);
            times[4][run] = t3 - t0;
        }
    }

    private static void print(String what, long[][] times) {
        String[] names = NAMES;
        for (int k = 0; k < names.length; k++) {
            long[] sorted = times[k].clone();
            Arrays.sort(sorted);
            System.out.printf("%s, %s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d runs)%n", what, names[k],
                    p(sorted, 50) / 1e6, p(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
        }
    }

    private static double p(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
    }

    @Test
    void thaw() throws IOException {
        try (BubblewrapSandboxProvider provider = BubblewrapSandboxProvider.open(DataDirs.fresh("bench-thaw"),
                10001)) {
            Sandbox sandbox = provider.create(SPEC);
            sandbox.writeFiles(Map.of("server.js", SERVER));
            sandbox.start("node server.js", 3000);
            await().atMost(TIMEOUT).until(() -> sandbox.logs(5).contains("listening"));
            AtomicReference<Route> route = new AtomicReference<>();
            GatewayServer gateway = new GatewayServer(new Binder(new MapConfigurationPropertySource(Map.of(
                    "spawnai.gateway.port", "0", "spawnai.gateway.bind", "127.0.0.1")))
                    .bindOrCreate("spawnai.gateway", GatewayProperties.class),
                    (appId, port) -> route.get(), new AppActivity(Clock.systemUTC()));
            gateway.start();
            try {
                long[] resume = new long[RUNS];
                long[] pause = new long[RUNS];
                long[] wokenRequest = new long[RUNS];
                long[] awakeRequest = new long[RUNS];
                Route.Live awake = new Route.Live("bench", sandbox.endpoint());
                Route.Live asleep = new Route.Live("bench", sandbox.endpoint(), sandbox::resume);
                for (int i = 0; i < WARM_UP + RUNS; i++) {
                    int run = i - WARM_UP;
                    long t0 = System.nanoTime();
                    sandbox.pause();
                    long t1 = System.nanoTime();
                    sandbox.resume();
                    long t2 = System.nanoTime();
                    route.set(awake);
                    long t3 = System.nanoTime();
                    request(gateway.port());
                    long t4 = System.nanoTime();
                    sandbox.pause();
                    route.set(asleep);
                    long t5 = System.nanoTime();
                    request(gateway.port());
                    long t6 = System.nanoTime();
                    if (run >= 0) {
                        pause[run] = t1 - t0;
                        resume[run] = t2 - t1;
                        awakeRequest[run] = t4 - t3;
                        wokenRequest[run] = t6 - t5;
                    }
                }
                printOne("pause() of a node app", pause);
                printOne("resume() of a node app (thaw)", resume);
                printOne("request through the gateway to an awake app (baseline), new connection", awakeRequest);
                printOne("request through the gateway to a paused app (wakes it), new connection", wokenRequest);
                System.out.printf("request p50 ratio, paused / awake: %.2f; added by the wake: %.2f ms%n",
                        p(wokenRequest, 50) / p(awakeRequest, 50), (p(wokenRequest, 50) - p(awakeRequest, 50)) / 1e6);
            } finally {
                gateway.stop();
            }
        }
    }

    private static void printOne(String what, long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.3f ms, p95 %.3f ms, max %.3f ms (%d runs)%n", what, p(sorted, 50) / 1e6,
                p(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    /** One GET through the gateway on a new connection, read to the end. */
    private static void request(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 3000-bench.localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (!answer.startsWith("HTTP/1.1 200") || !answer.endsWith("ok")) {
                throw new IOException("unexpected answer: " + answer);
            }
        }
    }
}
