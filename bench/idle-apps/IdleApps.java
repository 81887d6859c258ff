import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The "N idle live node apps" figure against a running SpawnAI (started by run.sh): creates a session, POSTs N tiny
 * node bundle apps, waits until they are LIVE, lets them idle, then measures GET /api/v1/apps/{id} latency (and the
 * same with one app, before, as the baseline), checks a sample answers through the gateway, and reports memory per
 * app three ways: the host's MemAvailable drop, the PSS of every sandbox process, and the sandboxes' memory cgroups.
 * Deletes every app at the end. JDK only: {@code java IdleApps.java --api URL --apps N --data-dir DIR --server-pid P}.
 */
public class IdleApps {

    static final String SERVER = "require('http').createServer((q, r) => r.end('idle app ' + process.env.PORT))"
            + ".listen(process.env.PORT);";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z0-9]+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"(http[^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String api;
    final int apps;
    final Path dataDir;
    final long serverPid;
    final int samples;
    String token;

    IdleApps(Map<String, String> args) {
        api = args.getOrDefault("api", "http://127.0.0.1:18080");
        apps = Integer.parseInt(args.getOrDefault("apps", "1000"));
        dataDir = Path.of(args.getOrDefault("data-dir", "data")).toAbsolutePath().normalize();
        serverPid = Long.parseLong(args.getOrDefault("server-pid", "0"));
        samples = Integer.parseInt(args.getOrDefault("samples", "2000"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new TreeMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new IdleApps(args).run();
    }

    void run() throws Exception {
        token = match(TOKEN, send("POST", "/api/v1/sessions", null).body());
        log("session created; waiting 20 s for the server to settle (warm pool, JIT)");
        Thread.sleep(20_000);
        long memBefore = memAvailable();
        long rssBefore = rss(serverPid);

        String first = create();
        awaitLive(List.of(first), Duration.ofMinutes(2));
        Thread.sleep(5_000);
        long[] baseline = measureGets(List.of(first), samples);
        log("baseline with 1 app: " + describe(baseline));

        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(List.of(first));
        List<String> refused = new ArrayList<>();
        for (int i = 1; i < apps; i++) {
            HttpResponse<String> r = send("POST", "/api/v1/apps", bundleJson());
            if (r.statusCode() == 202) {
                ids.add(match(ID, r.body()));
            } else {
                refused.add(r.statusCode() + " " + r.body());
            }
        }
        log("posted " + ids.size() + " apps in " + seconds(t0) + " s; refused " + refused.size()
                + (refused.isEmpty() ? "" : " (first: " + refused.get(0) + ")"));
        Map<String, Integer> states = awaitLive(ids, Duration.ofMinutes(40));
        double createSeconds = seconds(t0);
        List<String> live = ids.stream().filter(id -> "LIVE".equals(status(id))).toList();
        log("LIVE: " + live.size() + " of " + ids.size() + " after " + createSeconds + " s; states " + states);

        log("idling 30 s");
        Thread.sleep(30_000);
        long memAfter = memAvailable();
        long rssAfter = rss(serverPid);
        Memory sandboxes = sandboxMemory();
        double load = loadAverage();
        long[] loaded = measureGets(live, samples);
        log("with " + live.size() + " live apps: " + describe(loaded));
        int answered = gatewaySample(live, 50);

        System.out.println();
        System.out.println("=== result ===");
        System.out.printf("machine: %d cpus, %d MiB RAM, kernel %s%n", Runtime.getRuntime().availableProcessors(),
                memTotal() >> 20, Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        System.out.printf("apps requested %d, LIVE %d, creation wall time %.0f s (%.1f apps/s)%n", apps,
                live.size(), createSeconds, live.size() / createSeconds);
        System.out.printf("GET /api/v1/apps/{id}, %d sequential requests over random apps:%n", samples);
        System.out.printf("  baseline (1 live app):   %s%n", describe(baseline));
        System.out.printf("  with %4d live apps:      %s%n", live.size(), describe(loaded));
        System.out.printf("  p95 ratio loaded/baseline: %.2f%n", pct(loaded, 95) / pct(baseline, 95));
        System.out.printf("gateway: %d of 50 sampled apps answered%n", answered);
        long n = Math.max(1, live.size());
        System.out.printf("memory per app: MemAvailable drop %.1f MiB (%d MiB in all, SpawnAI's own RSS grew %d MiB"
                        + " of it), PSS of sandbox processes %.1f MiB, memory cgroup %.1f MiB (%d processes)%n",
                (memBefore - memAfter) / (double) n / (1 << 20), (memBefore - memAfter) >> 20,
                (rssAfter - rssBefore) >> 20, sandboxes.pss / (double) n / (1 << 20),
                sandboxes.memcg / (double) n / (1 << 20), sandboxes.processes);
        System.out.printf("load average (1 min) while idle: %.2f%n", load);

        long d0 = System.nanoTime();
        for (String id : ids) {
            send("DELETE", "/api/v1/apps/" + id, null);
        }
        log("deleted " + ids.size() + " apps in " + seconds(d0) + " s");
    }

    String bundleJson() {
        return "{\"bundle\":{\"runtime\":\"node\",\"files\":{\"server.js\":\"" + SERVER.replace("'", "'")
                + "\"},\"start\":\"node server.js\",\"port\":3000}}";
    }

    String create() throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/v1/apps", bundleJson());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("create failed: " + r.statusCode() + " " + r.body());
        }
        return match(ID, r.body());
    }

    /** Polls the app list until no app is being made; returns the count per state. */
    Map<String, Integer> awaitLive(List<String> ids, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        Map<String, Integer> counts = Map.of();
        long lastLog = 0;
        while (System.nanoTime() < deadline) {
            String body = send("GET", "/api/v1/apps", null).body();
            counts = new TreeMap<>();
            Matcher m = STATUS.matcher(body);
            while (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
            int settled = counts.getOrDefault("LIVE", 0) + counts.getOrDefault("FAILED", 0);
            if (settled >= ids.size()) {
                return counts;
            }
            if (System.nanoTime() - lastLog > 15_000_000_000L) {
                log("  " + counts + " (MemAvailable " + (memAvailable() >> 20) + " MiB)");
                lastLog = System.nanoTime();
            }
            Thread.sleep(2000);
        }
        return counts;
    }

    String status(String id) {
        try {
            return match(STATUS, send("GET", "/api/v1/apps/" + id, null).body());
        } catch (Exception e) {
            return "?";
        }
    }

    long[] measureGets(List<String> ids, int count) throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            send("GET", "/api/v1/apps/" + ids.get(random.nextInt(ids.size())), null);
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            long t = System.nanoTime();
            HttpResponse<String> r = send("GET", "/api/v1/apps/" + id, null);
            times[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + id + ": " + r.statusCode());
            }
        }
        Arrays.sort(times);
        return times;
    }

    int gatewaySample(List<String> ids, int count) {
        Random random = new Random(7);
        int ok = 0;
        for (int i = 0; i < count && !ids.isEmpty(); i++) {
            String id = ids.get(random.nextInt(ids.size()));
            try {
                URI url = URI.create(match(URL, send("GET", "/api/v1/apps/" + id, null).body()));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + url.getPort() + "/"))
                        .header("Host", url.getHost() + ":" + url.getPort()).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().startsWith("idle app")) {
                    ok++;
                }
            } catch (Exception e) {
                log("gateway request to " + id + " failed: " + e);
            }
        }
        return ok;
    }

    record Memory(long pss, long memcg, int processes) { }

    /** PSS of every process in this server's sandbox cgroups, and the sum of their memory cgroups' usage. */
    Memory sandboxMemory() throws Exception {
        String parent = "spawnai-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(dataDir.toString().getBytes(StandardCharsets.UTF_8)), 0, 5);
        long pss = 0;
        long memcg = 0;
        int processes = 0;
        Path pids = Path.of("/sys/fs/cgroup/pids", parent);
        Path memory = Path.of("/sys/fs/cgroup/memory", parent);
        if (!Files.isDirectory(pids)) {
            pids = Path.of("/sys/fs/cgroup", parent);
            memory = pids;
        }
        try (Stream<Path> dirs = Files.list(pids)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    processes++;
                    pss += smapsPss(pid.trim());
                }
                Path usage = memory.resolve(dir.getFileName()).resolve("memory.usage_in_bytes");
                if (!Files.exists(usage)) {
                    usage = memory.resolve(dir.getFileName()).resolve("memory.current");
                }
                if (Files.exists(usage)) {
                    memcg += Long.parseLong(Files.readString(usage).trim());
                }
            }
        }
        return new Memory(pss, memcg, processes);
    }

    static long smapsPss(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    static long memAvailable() throws IOException {
        return meminfo("MemAvailable:");
    }

    static long memTotal() throws IOException {
        return meminfo("MemTotal:");
    }

    static long meminfo(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // unknown pid
        }
        return 0;
    }

    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + text);
        }
        return m.group(1);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    static String describe(long[] sorted) {
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

    static void log(String line) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + line);
    }
}
