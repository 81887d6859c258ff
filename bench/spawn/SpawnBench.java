import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 2 figures against a running SpawnAI: time from POST /api/v1/apps to LIVE (observed on the SSE stream) over
 * sequential spawns with the offline generator, a host baseline (a node server started directly, to its first HTTP
 * answer), and what N spawn-then-destroy cycles leave behind.
 *
 * <p>Usage: {@code java bench/spawn/SpawnBench.java http://127.0.0.1:8080 DATA_DIR [spawns=50] [cycles=100]
 * [phases=latency,catalog,cycles]}. The leftover check counts everything of the instance's data dir, so run the
 * {@code cycles} phase against a server without a warm pool ({@code --spawnai.sandbox.pool-size=0}): pooled
 * sandboxes are meant to stay.
 */
public class SpawnBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        Path data = Path.of(args[1]).toAbsolutePath().normalize();
        int spawns = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int cycles = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        String phases = args.length > 4 ? args[4] : "latency,catalog,cycles";
        token = match(TOKEN, send("POST", "/api/v1/sessions", null).body());
        if (phases.contains("latency")) {
            latency(spawns);
        }
        if (phases.contains("catalog")) {
            catalog();
        }
        if (phases.contains("cycles")) {
            cycles(data, cycles);
        }
    }

    static void latency(int spawns) throws Exception {

        for (int i = 0; i < 3; i++) {
            timeToLive("{\"prompt\":\"a todo list app\"}");
        }
        List<Double> live = new ArrayList<>();
        for (int i = 0; i < spawns; i++) {
            live.add(timeToLive("{\"prompt\":\"a todo list app\"}"));
        }
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < spawns; i++) {
            baseline.add(hostNodeToFirstAnswer());
        }
        report("POST -> LIVE, offline generator, local sandbox (" + spawns + " sequential)", live);
        report("baseline: node server on the host, start -> first HTTP answer", baseline);
        System.out.printf("ratio p50 spawn / p50 host node start: %.1fx%n", pct(live, 50) / pct(baseline, 50));
    }

    static void cycles(Path data, int cycles) throws Exception {
        for (int i = 0; i < cycles; i++) {
            timeToLive("{\"bundle\":{\"runtime\":\"node\",\"start\":\"node server.js\",\"files\":{\"server.js\":"
                    + "\"require('http').createServer((q,r)=>r.end('x')).listen(process.env.PORT)\"}}}");
        }
        Thread.sleep(1000);
        System.out.println("after " + cycles + " spawn-then-destroy cycles (server without a warm pool):");
        leftovers(data);
    }

    /** Spawns every example prompt of the engine; counts those that go LIVE and answer their page with 200. */
    static void catalog() throws Exception {
        String examples = send("GET", "/api/v1/examples", null).body();
        Matcher m = Pattern.compile("\"prompt\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(examples);
        int total = 0;
        int ok = 0;
        List<String> failed = new ArrayList<>();
        while (m.find()) {
            String prompt = m.group(1);
            total++;
            HttpResponse<String> created = send("POST", "/api/v1/apps", "{\"prompt\":\"" + prompt + "\"}");
            String id = match(ID, created.body());
            String status = "";
            String app = "";
            for (int i = 0; i < 600 && !status.equals("LIVE") && !status.equals("FAILED"); i++) {
                Thread.sleep(50);
                app = send("GET", "/api/v1/apps/" + id, null).body();
                Matcher st = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(app);
                status = st.find() ? st.group(1) : "";
            }
            boolean answered = false;
            if (status.equals("LIVE")) {
                Matcher url = Pattern.compile("\"url\":\"http://([^:/]+):(\\d+)/\"").matcher(app);
                if (url.find()) {
                    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(url.group(2)))) {
                        socket.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + url.group(1) + "\r\n\r\n")
                                .getBytes());
                        String line = new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
                        answered = line != null && line.contains(" 200 ");
                    }
                }
            }
            if (answered) {
                ok++;
            } else {
                failed.add(prompt + " (" + status + ")");
            }
            send("DELETE", "/api/v1/apps/" + id, null);
        }
        System.out.printf("catalog: %d of %d example prompts went LIVE and answered GET / with 200 (%.0f %%)%n", ok,
                total, 100.0 * ok / Math.max(1, total));
        failed.forEach(f -> System.out.println("  not ok: " + f));
    }

    /** Milliseconds from sending POST to reading the LIVE event; destroys the app afterwards. */
    static double timeToLive(String body) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> created = send("POST", "/api/v1/apps", body);
        if (created.statusCode() != 202) {
            throw new IllegalStateException("create failed: " + created.body());
        }
        String id = match(ID, created.body());
        HttpRequest events = HttpRequest.newBuilder(URI.create(base + "/api/v1/apps/" + id + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> stream = HTTP.send(events, HttpResponse.BodyHandlers.ofLines());
        double ms = -1;
        try (Stream<String> lines = stream.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.contains("\"status\":\"LIVE\"") && line.contains("\"step\":\"live\"")) {
                    ms = (System.nanoTime() - t0) / 1e6;
                    break;
                }
                if (line.contains("\"status\":\"FAILED\"")) {
                    throw new IllegalStateException("app failed: " + line);
                }
            }
        }
        send("DELETE", "/api/v1/apps/" + id, null);
        return ms;
    }

    static double hostNodeToFirstAnswer() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("node", "-e", "require('http').createServer((q,r)=>r.end('x')).listen("
                + port + ")").redirectErrorStream(true).start();
        try {
            while (true) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
                    if (new BufferedReader(new InputStreamReader(s.getInputStream())).readLine() != null) {
                        return (System.nanoTime() - t0) / 1e6;
                    }
                } catch (java.io.IOException notYet) {
                    Thread.sleep(2);
                }
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    static void leftovers(Path data) throws Exception {
        String dir = data.toString();
        long processes = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dir + "/sandboxes")).count();
        long mounts = Files.readAllLines(Path.of("/proc/mounts")).stream().filter(l -> l.contains(dir)).count();
        long sandboxDirs = Files.isDirectory(data.resolve("sandboxes"))
                ? Files.list(data.resolve("sandboxes")).count() : 0;
        long sockets;
        try (Stream<Path> all = Files.walk(data)) {
            sockets = all.filter(p -> p.toString().endsWith(".sock")).count();
        }
        long cgroups = 0;
        String parentName = parentCgroup(data);
        try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path c : controllers.toList()) {
                try (Stream<Path> parents = Files.list(c)) {
                    for (Path parent : parents.filter(p -> p.getFileName().toString().equals(parentName)
                            && Files.isDirectory(p)).toList()) {
                        try (Stream<Path> kids = Files.list(parent)) {
                            cgroups += kids.filter(Files::isDirectory).count();
                        }
                    }
                } catch (java.io.IOException unreadable) {
                    // not a cgroup hierarchy
                }
            }
        }
        long loops = 0;
        try (Stream<Path> devices = Files.list(Path.of("/sys/block"))) {
            for (Path d : devices.filter(d -> d.getFileName().toString().startsWith("loop")).toList()) {
                Path backing = d.resolve("loop/backing_file");
                if (Files.exists(backing) && Files.readString(backing).contains(dir)) {
                    loops++;
                }
            }
        }
        System.out.printf("  leftover processes=%d cgroups=%d mounts=%d loop devices=%d sockets=%d sandbox dirs=%d%n",
                processes, cgroups, mounts, loops, sockets, sandboxDirs);
    }

    /** The instance's parent cgroup, named like BubblewrapSandboxProvider.parentCgroup does. */
    static String parentCgroup(Path data) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                .digest(data.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "spawnai-" + java.util.HexFormat.of().formatHex(d, 0, 5);
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + s);
        }
        return m.group(1);
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void report(String what, List<Double> ms) {
        System.out.printf("%s: p50 %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n", what, pct(ms, 50), pct(ms, 95),
                Collections.min(ms), Collections.max(ms));
    }
}
