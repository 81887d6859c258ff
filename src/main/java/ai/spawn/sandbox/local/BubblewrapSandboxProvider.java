package ai.spawn.sandbox.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import ai.spawn.egress.EgressProxy;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxCapacity;
import ai.spawn.sandbox.SandboxCapacityException;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLaunchException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.SandboxTemplates;
import ai.spawn.sandbox.TemplateProperties;
import ai.spawn.security.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code local} provider: sandboxes built from bubblewrap, namespaces, per-sandbox cgroups (v1 or v2) and a
 * size-limited tmpfs workspace, on this host. Needs root (it mounts, creates cgroups, then drops to an unprivileged
 * uid). {@link #create} costs a few directory and cgroup writes plus one {@code mount}, or nothing but a hand-over
 * when the {@link WarmPool} has one ready; processes start with one {@code bwrap} each. At most {@code max-live}
 * sandboxes (pooled ones included) exist at once, and none is created while the host's available memory is under
 * the headroom: {@link #create} then throws {@link SandboxCapacityException}. Every {@value #CHECK_SECONDS} s one
 * thread turns the limits sandboxes hit into security events (see {@link LimitWatch}); the same thread hands them to
 * the event sink, so a slow sink never holds up a sandbox. Thread-safe. {@link #close()} destroys the pool and
 * every sandbox it created.
 */
public final class BubblewrapSandboxProvider implements SandboxProvider, AutoCloseable {

    static final long CHECK_SECONDS = 5;
    private static final long CLOSE_WAIT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(BubblewrapSandboxProvider.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final SandboxIds ids = new SandboxIds();
    private final Map<String, LocalSandbox> sandboxes = new ConcurrentHashMap<>();
    private final SandboxLayout layout;
    private final Cgroups cgroups;
    private final WorkspaceMount mounts;
    private final Teardown teardown;
    private final LocalSandbox.Context context;
    private final SandboxSlots slots;
    private final WarmPool pool;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "sandbox-limits");
        t.setDaemon(true);
        return t;
    });

    private final LocalTemplates templates;

    private BubblewrapSandboxProvider(HostTools tools, Cgroups cgroups, SandboxLayout layout, int uid,
                                      Consumer<SecurityEvent> events, CapacitySettings capacity, Path templatesDir,
                                      Installs installs, SandboxProperties.Workspace workspace) {
        this.layout = layout;
        this.cgroups = cgroups;
        this.mounts = new WorkspaceMount(tools, uid, workspace);
        this.teardown = new Teardown(cgroups, layout, mounts);
        EgressLeases egress = installs.egress() == null ? null
                : new EgressLeases(installs.egress(), uid, event -> record(events, event), Clock.systemUTC());
        this.templates = installs.templates() == null ? null : new LocalTemplates(templatesDir, installs.templates(),
                new TemplateBuild(new TemplateSandboxes(egress != null), installs.templates().buildTimeout()));
        InstallCpu installCpu = installs.templates() == null ? null
                : new InstallCpu(cgroups, installs.templates().installCpuMillis());
        this.context = new LocalSandbox.Context(new BwrapCommand(tools, uid, layout), tools, new ProcessLauncher(),
                cgroups, this::remove, event -> record(events, event), Clock.systemUTC(),
                new ExecEnvironment(egress, templates, installCpu));
        this.slots = new SandboxSlots(capacity.maxLive(), capacity.headroomBytes(), new HostMemory());
        this.pool = new WarmPool(capacity.poolSize(), capacity.poolTemplates(), capacity.poolLimits(), slots,
                ids::next, this::prepareWarm, teardown::destroy);
        checks.scheduleWithFixedDelay(this::checkLimits, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * What install commands get besides the bare sandbox.
     *
     * @param egress    the proxy they reach registries through, or {@code null} for no network at all
     * @param templates the templates' settings, or {@code null} for no templates
     */
    public record Installs(EgressProxy egress, TemplateProperties templates) {

        /** No network, no templates: installs see only the workspace. */
        public static Installs none() {
            return new Installs(null, null);
        }
    }

    /**
     * The parent cgroup of one SpawnAI instance: named after its data dir, so two instances on one host (or two
     * test servers in one JVM) never take each other's sandboxes for orphans.
     */
    static String parentCgroup(Path dataDir) {
        String dir = dataDir.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dir.getBytes(StandardCharsets.UTF_8));
            return Cgroups.PARENT + "-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@link #open(Path, int, Consumer)} that only logs security events. */
    public static BubblewrapSandboxProvider open(Path dataDir, int uid) {
        return open(dataDir, uid, BubblewrapSandboxProvider::logEvent, CapacitySettings.unlimited(), Installs.none());
    }

    /** {@link #open(Path, int, Consumer, CapacitySettings, Installs)} without pool, limits, egress or templates. */
    public static BubblewrapSandboxProvider open(Path dataDir, int uid, Consumer<SecurityEvent> events) {
        return open(dataDir, uid, events, CapacitySettings.unlimited(), Installs.none());
    }

    /** Without pool or limits, logging security events only. */
    public static BubblewrapSandboxProvider open(Path dataDir, int uid, Installs installs) {
        return open(dataDir, uid, BubblewrapSandboxProvider::logEvent, CapacitySettings.unlimited(), installs);
    }

    /** Without pool or limits. */
    public static BubblewrapSandboxProvider open(Path dataDir, int uid, Consumer<SecurityEvent> events,
                                                 Installs installs) {
        return open(dataDir, uid, events, CapacitySettings.unlimited(), installs);
    }

    /** With capacity limits and a warm pool (filling in the background), logging security events only. */
    static BubblewrapSandboxProvider open(Path dataDir, int uid, CapacitySettings capacity) {
        return open(dataDir, uid, BubblewrapSandboxProvider::logEvent, capacity, Installs.none());
    }

    /** With capacity limits and a warm pool, without egress or templates. */
    static BubblewrapSandboxProvider open(Path dataDir, int uid, Consumer<SecurityEvent> events,
                                          CapacitySettings capacity) {
        return open(dataDir, uid, events, capacity, Installs.none());
    }

    static void logEvent(SecurityEvent event) {
        log.warn("security event {} of {} in sandbox {}: {}", event.kind(), event.appId(), event.sandboxId(),
                event.detail());
    }

    /** With disk-backed workspaces. */
    public static BubblewrapSandboxProvider open(Path dataDir, int uid, Consumer<SecurityEvent> events,
                                                 CapacitySettings capacity, Installs installs) {
        return open(dataDir, uid, events, capacity, installs, SandboxProperties.Workspace.DISK);
    }

    /**
     * Checks the host, prepares the data directory and cgroups, and proves it all works by running one command in
     * a throwaway sandbox.
     *
     * @param dataDir   where workspaces, tools and leftovers live ({@code spawnai.data-dir})
     * @param uid       the unprivileged uid sandboxed processes run as
     * @param events    records the limits sandboxes hit (called on one provider thread; its failures are logged)
     * @param capacity  the most sandboxes, the memory headroom and the warm pool
     * @param installs  what install commands get: the egress proxy, templates
     * @param workspace where workspaces live
     * @throws IllegalStateException with a message saying how to fix the host when something is missing
     */
    public static BubblewrapSandboxProvider open(Path dataDir, int uid, Consumer<SecurityEvent> events,
                                                 CapacitySettings capacity, Installs installs,
                                                 SandboxProperties.Workspace workspace) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        HostTools tools = Prerequisites.check(path, uid);
        Cgroups cgroups;
        try {
            cgroups = Cgroups.detect(Path.of("/sys/fs/cgroup"), parentCgroup(dataDir));
            cgroups.prepare();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalStateException(Prerequisites.message(List.of("cgroups are not usable: "
                    + e.getMessage() + ". Run as root on a host with cgroup v1 (memory, pids, cpu, cpuacct)"
                    + " or cgroup v2 mounted read-write at /sys/fs/cgroup")), e);
        }
        SandboxLayout layout = SandboxLayout.prepare(dataDir, uid);
        Path templatesDir = dataDir.toAbsolutePath().normalize().resolve("templates");
        BubblewrapSandboxProvider provider = new BubblewrapSandboxProvider(tools, cgroups, layout, uid, events,
                capacity, templatesDir, installs, workspace);
        provider.selfTest();
        provider.pool.start();
        log.info("local sandbox provider ready: {}, workspaces on {}, data in {}, sandboxes run as uid {}",
                cgroups.describe(), workspace.name().toLowerCase(Locale.ROOT), dataDir.toAbsolutePath().normalize(),
                uid);
        return provider;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Sandbox create(SandboxSpec spec) {
        if (!slots.hasMemory()) {
            SandboxCapacity now = capacity();
            throw new SandboxCapacityException("this machine has " + (now.memoryAvailableBytes() >> 20)
                    + " MiB of memory available, less than its headroom of " + (now.memoryHeadroomBytes() >> 20)
                    + " MiB; try again later", now, RETRY_AFTER);
        }
        PreparedSandbox prepared = pool.take(spec.template(), spec.limits()).orElse(null);
        boolean pooled = prepared != null;
        if (!pooled) {
            if (!slots.tryAcquire() && !pool.evictForRoom()) {
                SandboxCapacity now = capacity();
                throw new SandboxCapacityException("this machine holds its maximum of " + now.maxLive()
                        + " sandboxes; try again later", now, RETRY_AFTER);
            }
            try {
                prepared = prepare(ids.next(), spec.template(), spec.limits());
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
        }
        String id = prepared.id();
        LocalSandbox sandbox = new LocalSandbox(id, spec, prepared.target(), context);
        if (prepared.writer() != null || prepared.app() != null) {
            sandbox.adoptWarm(prepared.writer(), prepared.app());
        }
        sandboxes.put(id, sandbox);
        SandboxLimits limits = spec.limits();
        log.info("sandbox {} {} for {} ({}, {} MB memory, {} pids, {} m cpu, {} MB disk)", id,
                pooled ? "handed over from the pool" : "created", spec.owner(), spec.template(),
                limits.memory().toMegabytes(), limits.pids(), limits.cpuMillis(), limits.disk().toMegabytes());
        return sandbox;
    }

    /**
     * Makes a sandbox's resources: its directories, workspace tmpfs and cgroups. Removes what it made when a step
     * fails. The caller holds a slot for it.
     */
    private PreparedSandbox prepare(String id, String template, SandboxLimits limits) {
        try {
            SandboxDirs dirs = layout.create(id);
            mounts.mount(dirs.workspace(), limits.disk());
            mounts.mountRun(dirs.run());
            cgroups.create(id, limits);
            long scratch = Math.max(limits.disk().toBytes(), 16L << 20);
            return new PreparedSandbox(id, template, limits,
                    new BwrapCommand.Target(dirs, cgroups.procsFiles(id), scratch, limits.openFiles()), null, null);
        } catch (FileAlreadyExistsException e) {
            throw new SandboxLaunchException(id, "sandbox id " + id + " is taken; try again", e);
        } catch (IOException | UncheckedIOException e) {
            try {
                teardown.destroy(id);
            } catch (SandboxException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new SandboxLaunchException(id, "cannot create sandbox " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #prepare} plus what else can be done ahead: the writer of the first {@code writeFiles} and the chain
     * the first {@code start} runs its app in.
     */
    private PreparedSandbox prepareWarm(String id, String template, SandboxLimits limits) {
        PreparedSandbox prepared = prepare(id, template, limits);
        return prepared.withWarm(WarmWriter.start(context, id, prepared.target()),
                AppLaunch.prelaunch(context, id, prepared.target()));
    }

    @Override
    public Optional<Sandbox> find(String sandboxId) {
        LocalSandbox sandbox = sandboxes.get(sandboxId);
        return sandbox == null || sandbox.isDestroyed() ? Optional.empty() : Optional.of(sandbox);
    }

    @Override
    public Set<String> list() {
        Set<String> owned = pool.owned();
        Set<String> all = new HashSet<>(sandboxes.keySet());
        all.addAll(layout.ids());
        all.addAll(cgroups.list());
        all.removeAll(owned);
        all.removeAll(pool.owned()); // one made while listing
        // a template build's sandbox is held by the build that made it (and destroyed by it); one left on disk by an
        // earlier run is not in this map, so the reaper still finds it
        sandboxes.values().stream().filter(s -> TemplateBuild.builds(s.spec())).map(LocalSandbox::id)
                .forEach(all::remove);
        return all;
    }

    @Override
    public SandboxCapacity capacity() {
        return new SandboxCapacity(sandboxes.size(), pool.size(), slots.max(), slots.memoryAvailable(),
                slots.headroomBytes());
    }

    @Override
    public void destroy(String sandboxId) {
        if (!SandboxIds.isValid(sandboxId)) {
            return;
        }
        LocalSandbox sandbox = sandboxes.get(sandboxId);
        if (sandbox != null) {
            sandbox.destroy();
        } else {
            teardown.destroy(sandboxId);
        }
    }

    @Override
    public void close() {
        pool.close();
        for (String id : Set.copyOf(sandboxes.keySet())) {
            try {
                destroy(id);
            } catch (SandboxException e) {
                log.warn("sandbox {} could not be removed on shutdown; it is a leftover now", id, e);
            }
        }
        checks.shutdown(); // runs the events still queued, stops the periodic check
        try {
            if (!checks.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("security events of sandboxes were still being recorded at shutdown; the rest is lost");
                checks.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.shutdownNow();
        }
        context.launcher().close();
    }

    /** The warm pool (for tests and benchmarks). */
    WarmPool pool() {
        return pool;
    }

    /** The templates installs get, or {@code null} when this provider has none. */
    public SandboxTemplates templates() {
        return templates;
    }

    /** Where template builds get their sandboxes: from this provider, with its egress. */
    private final class TemplateSandboxes implements TemplateBuild.Sandboxes {

        private final boolean egress;

        TemplateSandboxes(boolean egress) {
            this.egress = egress;
        }

        @Override
        public Sandbox create(SandboxSpec spec) {
            return BubblewrapSandboxProvider.this.create(spec);
        }

        @Override
        public Path workspace(String sandboxId) {
            return layout.dirs(sandboxId).workspace();
        }

        @Override
        public boolean hasEgress() {
            return egress;
        }
    }

    /** Called by a sandbox's destroy: removes its resources, then forgets it. */
    private void remove(String sandboxId) {
        teardown.destroy(sandboxId);
        if (sandboxes.remove(sandboxId) != null) {
            slots.release();
        }
    }

    /** Queues the event for the check thread; sandboxes call this while holding their locks. */
    private void record(Consumer<SecurityEvent> events, SecurityEvent event) {
        try {
            checks.execute(() -> {
                try {
                    events.accept(event);
                } catch (RuntimeException e) {
                    log.warn("could not record the security event {} of sandbox {}: {}", event.kind(),
                            event.sandboxId(), event.detail(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("security event {} of sandbox {} after shutdown, not recorded: {}", event.kind(),
                    event.sandboxId(), event.detail());
        }
    }

    private void checkLimits() {
        for (LocalSandbox sandbox : sandboxes.values()) {
            try {
                sandbox.checkLimits(false);
            } catch (RuntimeException e) {
                log.warn("checking the limits of sandbox {} failed", sandbox.id(), e);
            }
        }
    }

    /** Runs one command in a throwaway sandbox that, like a test of the host, bypasses the capacity limits. */
    private void selfTest() {
        SandboxSpec spec = new SandboxSpec("spawnai-self-test", "static", SandboxLimits.defaults(), Map.of());
        PreparedSandbox prepared = prepare(ids.next(), spec.template(), spec.limits());
        Sandbox sandbox = new LocalSandbox(prepared.id(), spec, prepared.target(), context);
        try {
            ExecResult result = sandbox.exec("test \"$(id -u)\" != 0 && test -w /home/user/app",
                    Duration.ofSeconds(30), line -> { });
            if (!result.succeeded()) {
                throw new IllegalStateException(Prerequisites.message(List.of("a test sandbox failed to run"
                        + " (exit code " + result.exitCode() + "): " + String.join(" / ", result.lastLines())
                        + ". bubblewrap must be able to create user namespaces as an unprivileged user: check"
                        + " sysctl user.max_user_namespaces > 0, kernel.unprivileged_userns_clone=1 (Debian) and"
                        + " kernel.apparmor_restrict_unprivileged_userns=0 (Ubuntu)")));
            }
        } finally {
            sandbox.destroy();
        }
    }
}
