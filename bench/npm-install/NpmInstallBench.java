import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ai.spawn.egress.EgressListener;
import ai.spawn.egress.EgressProperties;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.HostResolver;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.SandboxTemplates.TemplateStatus;
import ai.spawn.sandbox.TemplateProperties;
import ai.spawn.sandbox.local.BubblewrapSandboxProvider;

/**
 * {@code npm install express} in a sandbox with the node template (its installed trees seeding node_modules, and its
 * warm cache), against baselines in the same run: the template's warm cache alone (seeding off, the path before
 * installed trees), the same install at the app's own cpu quota (no install cpu), in a sandbox without a template
 * (cold cache, everything through the egress proxy), and host npm (no sandbox, on tmpfs like a workspace) with a warm
 * copy of the same cache and with an empty cache; then an app-style install (dependencies in package.json, plain
 * {@code npm install --omit=dev}) with and without seeding; and, to show what npm itself costs, that install run a
 * second time in the same sandbox (everything in place: npm's "up to date" floor) and {@code npm -v}. Each run gets a fresh sandbox (or host directory) holding
 * only a package.json; the timed part is the install command alone, as the orchestrator runs it
 * ({@code Sandbox.exec}). The workspace's node_modules size after the install is reported too (tmpfs: memory).
 * Scenarios take turns run by run, so load drifts hit them alike. Cpu time (the sandbox's cgroup accounting, or
 * user + system time of host npm) is reported too: unlike wall time it hardly depends on what else runs.
 *
 * <p>Usage (from bench/npm-install/run.sh):
 * {@code java -cp target/classes:$CP bench/npm-install/NpmInstallBench.java DATA_DIR [runs=10]}
 */
public class NpmInstallBench {

    private static final String PACKAGE_JSON = "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}";
    private static final String APP_PACKAGE_JSON = "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
            + "\"dependencies\":{\"express\":\"^4.21.2\",\"cors\":\"^2.8.5\"}}";
    private static final String APP_INSTALL = "npm install --no-audit --no-fund --omit=dev";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** Host runs work on tmpfs, like the sandbox's workspace. */
    private static final Path SCRATCH = Path.of("/dev/shm");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        EgressProxy proxy = new EgressProxy(EgressProperties.defaults(), HostResolver.system(), EgressListener.NONE);
        BubblewrapSandboxProvider warm = BubblewrapSandboxProvider.open(data.resolve("warm"), 10001,
                new BubblewrapSandboxProvider.Installs(proxy, TemplateProperties.defaults()));
        BubblewrapSandboxProvider cacheOnly = BubblewrapSandboxProvider.open(data.resolve("warm"), 10001,
                new BubblewrapSandboxProvider.Installs(proxy, TemplateProperties.defaults().withSeedNodeModules(false)));
        TemplateProperties withoutBurst = new TemplateProperties(true, Duration.ofMinutes(5), 0,
                TemplateProperties.defaults().node(), TemplateProperties.defaults().python());
        BubblewrapSandboxProvider noBurst = BubblewrapSandboxProvider.open(data.resolve("warm"), 10001,
                new BubblewrapSandboxProvider.Installs(proxy, withoutBurst));
        TemplateProperties noTemplate = new TemplateProperties(false, Duration.ofMinutes(5), 2,
                TemplateProperties.defaults().node(), TemplateProperties.defaults().python());
        BubblewrapSandboxProvider cold = BubblewrapSandboxProvider.open(data.resolve("cold"), 10001,
                new BubblewrapSandboxProvider.Installs(proxy, noTemplate));

        long t0 = System.nanoTime();
        List<TemplateStatus> built = warm.templates().build(false);
        TemplateStatus node = built.stream().filter(s -> s.name().equals("node")).findFirst().orElseThrow();
        System.out.printf("node template %s (%s) ready in %.1f s%n", node.version(), node.detail(),
                (System.nanoTime() - t0) / 1e9);
        Path templateCache = data.resolve("warm/templates/node-" + node.version() + "/npm-cache");
        Path hostWarmCache = Files.createTempDirectory(SCRATCH, "host-warm-cache-").resolve("npm-cache");
        copy(templateCache, hostWarmCache);
        Path npmrc = templateCache.resolveSibling("npmrc");

        Map<String, Supplier<double[]>> scenarios = new LinkedHashMap<>();
        scenarios.put("sandbox, template: installed trees + warm cache (install cpu 2 cores)", () -> inSandbox(warm,
                PACKAGE_JSON, "npm install express"));
        scenarios.put("sandbox, template: warm cache only, seeding off (the path before; install cpu 2 cores)",
                () -> inSandbox(cacheOnly, PACKAGE_JSON, "npm install express"));
        scenarios.put("sandbox, template: installed trees + warm cache, app's own cpu quota (0.5 core)",
                () -> inSandbox(noBurst, PACKAGE_JSON, "npm install express"));
        scenarios.put("sandbox, no template (cold cache, via the egress proxy; install cpu 2 cores)",
                () -> inSandbox(cold, PACKAGE_JSON, "npm install express"));
        scenarios.put("host npm, warm cache (same content, no sandbox)",
                () -> onHost(data, hostWarmCache, npmrc));
        scenarios.put("host npm, cold cache (no sandbox, no proxy)",
                () -> onHost(data, null, npmrc));
        scenarios.put("sandbox overhead: `true` as the install (bwrap, cache seeding, proxy forwarder)",
                () -> inSandbox(warm, PACKAGE_JSON, "true"));
        scenarios.put("app-style: express@^4 + cors in package.json, `" + APP_INSTALL + "`, installed trees",
                () -> inSandbox(warm, APP_PACKAGE_JSON, APP_INSTALL));
        scenarios.put("app-style: the same, warm cache only, seeding off",
                () -> inSandbox(cacheOnly, APP_PACKAGE_JSON, APP_INSTALL));
        scenarios.put("npm's floor: the app-style install run again in the same sandbox (node_modules and lockfile in"
                + " place: up to date)", () -> inSandbox(warm, APP_PACKAGE_JSON, APP_INSTALL, true));
        scenarios.put("npm's start-up: `npm -v` in the sandbox", () -> inSandbox(warm, PACKAGE_JSON, "npm -v"));

        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> kib = new LinkedHashMap<>();
        scenarios.keySet().forEach(k -> {
            times.put(k, new ArrayList<>());
            cpu.put(k, new ArrayList<>());
            kib.put(k, new ArrayList<>());
        });
        for (Map.Entry<String, Supplier<double[]>> s : scenarios.entrySet()) {
            s.getValue().get();
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Supplier<double[]>> s : scenarios.entrySet()) {
                double[] measured = s.getValue().get();
                times.get(s.getKey()).add(measured[0]);
                cpu.get(s.getKey()).add(measured[1]);
                kib.get(s.getKey()).add(measured[2]);
            }
        }
        System.out.printf("%n| scenario (%d runs each, after one warm-up) | p50 ms | p90 ms | min ms | max ms |"
                + " cpu p50 ms | node_modules KiB |%n", runs);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        times.forEach((name, ms) -> System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                pct(ms, 50), pct(ms, 90), pct(ms, 0), pct(ms, 100), pct(cpu.get(name), 50), pct(kib.get(name), 50)));
        List<List<Double>> t = new ArrayList<>(times.values());
        List<List<Double>> c = new ArrayList<>(cpu.values());
        System.out.printf("%nratios of p50: seeded / cache only = %.2f (cpu %.2f); app-style seeded / cache only ="
                + " %.2f (cpu %.2f); seeded / host warm = %.2f; seeded at 0.5 core / at 2 cores = %.1f;"
                + " sandbox cold / seeded = %.1f; host cold / host warm = %.1f%n",
                pct(t.get(0), 50) / pct(t.get(1), 50), pct(c.get(0), 50) / pct(c.get(1), 50),
                pct(t.get(7), 50) / pct(t.get(8), 50), pct(c.get(7), 50) / pct(c.get(8), 50),
                pct(t.get(0), 50) / pct(t.get(4), 50), pct(t.get(2), 50) / pct(t.get(0), 50),
                pct(t.get(3), 50) / pct(t.get(0), 50), pct(t.get(5), 50) / pct(t.get(4), 50));
        new ProcessBuilder("rm", "-rf", hostWarmCache.getParent().toString()).start().waitFor();
        warm.close();
        cacheOnly.close();
        noBurst.close();
        cold.close();
        proxy.close();
        System.exit(0);
    }

    /**
     * Wall and cpu milliseconds (the sandbox's cgroup accounting) of {@code command}, and the KiB of node_modules
     * after it.
     */
    private static double[] inSandbox(BubblewrapSandboxProvider provider, String packageJson, String command) {
        return inSandbox(provider, packageJson, command, false);
    }

    /** {@link #inSandbox}, with {@code command} run once untimed first when {@code again}. */
    private static double[] inSandbox(BubblewrapSandboxProvider provider, String packageJson, String command,
                                      boolean again) {
        Sandbox sandbox = provider.create(new SandboxSpec("bench", "node", SandboxLimits.defaults(), Map.of()));
        try {
            sandbox.writeFiles(Map.of("package.json", packageJson));
            if (again) {
                ExecResult first = sandbox.exec(command, TIMEOUT, line -> { });
                check(first.succeeded(), command, first.lastLines());
            }
            long cpu0 = sandbox.usage().cpuMillis();
            long t0 = System.nanoTime();
            ExecResult result = sandbox.exec(command, TIMEOUT, line -> { });
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpuMs = sandbox.usage().cpuMillis() - cpu0;
            check(result.succeeded(), command, result.lastLines());
            double kib = 0;
            if (!command.equals("true") && !command.equals("npm -v")) {
                ExecResult present = sandbox.exec("test -f node_modules/express/package.json && npm ls --omit=dev"
                        + " >/dev/null && du -sk node_modules", TIMEOUT, l -> { });
                check(present.succeeded(), "express installed, npm ls clean", present.lastLines());
                kib = Double.parseDouble(present.lastLines().get(present.lastLines().size() - 1).split("\\s+")[0]);
            }
            return new double[] {ms, cpuMs, kib};
        } finally {
            sandbox.destroy();
        }
    }

    /** Wall and cpu milliseconds ({@code /usr/bin/time}) of host npm in a new directory under /dev/shm. */
    private static double[] onHost(Path data, Path warmCache, Path npmrc) {
        try {
            Path dir = Files.createTempDirectory(SCRATCH, "host-");
            Files.writeString(dir.resolve("package.json"), PACKAGE_JSON);
            Path cache = warmCache != null ? warmCache : Files.createTempDirectory(SCRATCH, "host-cold-cache-");
            ProcessBuilder npm = new ProcessBuilder("/usr/bin/time", "-o", dir.resolve("cpu.txt").toString(),
                    "-f", "%U %S", "npm", "install", "express", "--cache", cache.toString(),
                    "--userconfig", npmrc.toString()).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm.log").toFile());
            long t0 = System.nanoTime();
            Process p = npm.start();
            boolean done = p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            double ms = (System.nanoTime() - t0) / 1e6;
            check(done && p.exitValue() == 0, "host npm install", Files.readAllLines(dir.resolve("npm.log")));
            check(Files.exists(dir.resolve("node_modules/express/package.json")), "express on host", List.of());
            String[] userSys = Files.readString(dir.resolve("cpu.txt")).trim().split("\\s+");
            double cpuMs = (Double.parseDouble(userSys[0]) + Double.parseDouble(userSys[1])) * 1000;
            double kib = du(dir.resolve("node_modules"));
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
            if (warmCache == null) {
                new ProcessBuilder("rm", "-rf", cache.toString()).start().waitFor();
            }
            return new double[] {ms, cpuMs, kib};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double du(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("du", "-sk", dir.toString()).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        check(p.waitFor() == 0, "du " + dir, List.of(out));
        return Double.parseDouble(out.split("\\s+")[0]);
    }

    private static void check(boolean ok, String what, List<String> lines) {
        if (!ok) {
            throw new IllegalStateException(what + " failed:\n" + String.join("\n", lines));
        }
    }

    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start();
        check(p.waitFor() == 0, "copying the template cache", List.of());
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
