package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLaunchException;
import ai.spawn.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an install command ({@code Sandbox.exec}) gets on top of the bare sandbox, and the app process never does:
 * <ul>
 * <li>the template of the sandbox's runtime, read-only at {@link #TEMPLATE_DIR}; for {@code node} its npm cache is
 * seeded into a writable {@code /tmp/npm-cache} (index files copied, content files symlinked: npm rewrites index
 * buckets on every lookup, so it cannot use a read-only cache directly), {@code npm_config_cache} and
 * {@code npm_config_userconfig} point at them, and npm prefers the cache to the registry; and when the template has
 * installed trees ({@link TemplateBuild#TREES}) and seeding is on, the template's {@code bin} comes first on
 * {@code PATH}: its {@code npm} ({@link TemplateBuild#NPM_SEED}), in an {@code npm install} of a project without
 * {@code node_modules}, copies the trees of the requested packages there, then runs the real npm in the same
 * process, which only reconciles;</li>
 * <li>the egress proxy: the sandbox's proxy socket bound at {@code /run/egress}, a {@code socat} inside listening
 * on {@code 127.0.0.1:3128} and forwarding to it ({@code nodelay}: with Nagle's algorithm on its loopback side,
 * npm's requests through the proxy waited for delayed acks and a cold install took 1.8 times as long as without
 * the proxy; with it, as long), and the proxy variables of curl, npm and pip pointing there.
 * Names are resolved by the proxy on the host; the sandbox still has no resolver and no other route out.</li>
 * <li>a larger cpu quota while it runs ({@link InstallCpu}).</li>
 * </ul>
 * Immutable, thread-safe.
 */
final class ExecEnvironment {

    static final String TEMPLATE_DIR = "/opt/template";
    static final int PROXY_PORT = 3128;
    static final String PROXY_URL = "http://127.0.0.1:" + PROXY_PORT;
    /** Tells {@link TemplateBuild#NPM_SEED} where the template's installed trees are. */
    static final String SEED_TREES = "SPAWNAI_NPM_TREES";

    /** Seeds the npm cache, starts the proxy forwarder and waits until it listens, then runs {@code $1}. */
    static final String WRAPPER = """
            T=%1$s/npm-cache/_cacache
            if [ -d "$T" ]; then
              C=/tmp/npm-cache/_cacache
              { mkdir -p "$C" && cp -r "$T/index-v5" "$C/" && cp -rs "$T/content-v2" "$C/"; } \\
                || echo "spawnai: the template's npm cache could not be seeded" >&2
            fi
            if [ -S %2$s/%3$s ]; then
              socat TCP-LISTEN:%4$d,bind=127.0.0.1,fork,reuseaddr,nodelay UNIX-CONNECT:%2$s/%3$s 2>/dev/null &
              n=0
              until grep -q ':%5$04X 00000000:0000 0A' /proc/net/tcp 2>/dev/null || [ $n -ge 1000 ]; do
                n=$((n+1)); sleep 0.002
              done
            fi
            exec /bin/sh -c "$1"
            """.formatted(TEMPLATE_DIR, EgressLeases.DIR, EgressLeases.SOCKET, PROXY_PORT, PROXY_PORT);

    /**
     * The mounts, environment and argv of one command; {@link #close()} gives the egress socket and the cpu quota
     * back.
     */
    record Prepared(List<String> mounts, Map<String, String> env, List<String> command, EgressLeases.Lease lease,
                    Runnable cpu) implements AutoCloseable {
        @Override
        public void close() {
            try {
                cpu.run();
            } finally {
                if (lease != null) {
                    lease.close();
                }
            }
        }
    }

    private final EgressLeases egress;
    private final LocalTemplates templates;
    private final InstallCpu cpu;

    /**
     * @param egress    the proxy sockets, or {@code null} for no network at all
     * @param templates the templates, or {@code null} for none
     * @param cpu       the install cpu quota, or {@code null} to keep each sandbox's own
     */
    ExecEnvironment(EgressLeases egress, LocalTemplates templates, InstallCpu cpu) {
        this.egress = egress;
        this.templates = templates;
        this.cpu = cpu;
    }

    /**
     * Prepares {@code command} for the sandbox; may build the template first (see {@link LocalTemplates#ready}).
     *
     * @throws SandboxLaunchException when the egress socket cannot be opened
     */
    Prepared prepare(String sandboxId, SandboxSpec spec, SandboxDirs dirs, String command) {
        List<String> mounts = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        if (templates != null) {
            Optional<Path> template = templates.ready(spec.template());
            template.ifPresent(dir -> mounts.addAll(List.of("--ro-bind", dir.toString(), TEMPLATE_DIR)));
            runtimeEnv(spec.template(), template, templates.seedsNodeModules(), env);
        }
        EgressLeases.Lease lease = null;
        if (egress != null) {
            try {
                lease = egress.acquire(sandboxId, spec.owner(), dirs.root());
            } catch (IOException e) {
                throw new SandboxLaunchException(sandboxId, "cannot open the egress socket of " + sandboxId + ": "
                        + e.getMessage(), e);
            }
            mounts.addAll(List.of("--bind", lease.dir().toString(), EgressLeases.DIR));
            proxyEnv(env);
        }
        Runnable quota = cpu == null ? () -> { } : cpu.raise(sandboxId, spec.limits().cpuMillis());
        return new Prepared(mounts, env, List.of("/bin/sh", "-c", WRAPPER, "spawnai-exec", command), lease, quota);
    }

    private static void runtimeEnv(String runtime, Optional<Path> template, boolean seed, Map<String, String> env) {
        switch (runtime) {
            case "node" -> {
                env.put("npm_config_cache", "/tmp/npm-cache");
                env.put("npm_config_prefer_offline", "true");
                env.put("npm_config_update_notifier", "false");
                if (template.isPresent() && Files.exists(template.get().resolve("npmrc"))) {
                    env.put("npm_config_userconfig", TEMPLATE_DIR + "/npmrc");
                }
                if (seed && template.isPresent() && Files.isDirectory(template.get().resolve(TemplateBuild.TREES))
                        && Files.isRegularFile(template.get().resolve(TemplateBuild.NPM_SHIM))) {
                    String shim = TEMPLATE_DIR + "/" + TemplateBuild.NPM_SHIM;
                    env.put("PATH", shim.substring(0, shim.lastIndexOf('/')) + ":"
                            + env.getOrDefault("PATH", BwrapCommand.PATH));
                    env.put(SEED_TREES, TEMPLATE_DIR + "/" + TemplateBuild.TREES);
                }
            }
            case "python" -> {
                env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
                env.put("PIP_NO_INPUT", "1");
                if (template.isPresent() && Files.isDirectory(template.get().resolve(TemplateBuild.WHEELS))) {
                    env.put("PIP_FIND_LINKS", TEMPLATE_DIR + "/" + TemplateBuild.WHEELS);
                }
            }
            default -> {
            }
        }
    }

    private static void proxyEnv(Map<String, String> env) {
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "npm_config_proxy",
                "npm_config_https_proxy", "PIP_PROXY")) {
            env.put(name, PROXY_URL);
        }
        env.put("NO_PROXY", "localhost,127.0.0.1,::1");
        env.put("no_proxy", "localhost,127.0.0.1,::1");
    }
}
