import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.local.BubblewrapSandboxProvider;

/**
 * Sandbox create-to-process-running: {@code create()} then {@code start()} of a process that prints one line, until
 * that line is read on the host, on a provider without a warm pool (every chain launched on demand). Baseline in the
 * same run: a bare bwrap with new namespaces running the same echo. The pooled figure, interleaved with both, is
 * {@code LifecycleBench#running} ({@code bench/lifecycle/run.sh}).
 *
 * <p>Usage (from bench/run.sh): {@code java -cp target/classes:$CP bench/sandbox/SandboxBench.java DATA_DIR [n]}
 */
public class SandboxBench {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SandboxProvider provider = BubblewrapSandboxProvider.open(data, 10001);
        List<Double> running = new ArrayList<>();
        List<Double> destroy = new ArrayList<>();
        for (int i = 0; i < n + 5; i++) {
            long t0 = System.nanoTime();
            Sandbox s = provider.create(new SandboxSpec("bench", "node", SandboxLimits.defaults(), Map.of()));
            s.start("echo ready; exec sleep 600", 3000);
            while (!s.logs(1).contains("ready")) {
                Thread.onSpinWait();
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            s.destroy();
            if (i >= 5) {
                running.add(ms);
                destroy.add((System.nanoTime() - t1) / 1e6);
            }
        }
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                    "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                    "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                    "/bin/sh", "-c", "echo ready").redirectErrorStream(true).start();
            new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
            bare.add((System.nanoTime() - t0) / 1e6);
            p.waitFor();
        }
        report("create() + start() until the process's first line is read (" + n + " runs)", running);
        report("destroy() (kill, cgroups, workspace, dirs)", destroy);
        report("baseline: bare bwrap with new namespaces, echo, until its line is read", bare);
        System.out.printf("ratio p50 sandbox / p50 bare bwrap: %.1fx%n", pct(running, 50) / pct(bare, 50));
        System.exit(0);
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void report(String what, List<Double> ms) {
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms%n", what, pct(ms, 50),
                pct(ms, 95), Collections.min(ms), Collections.max(ms));
    }
}
