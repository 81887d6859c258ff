package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.ProcessExit;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxEndpoint;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLaunchException;
import ai.spawn.sandbox.SandboxNotFoundException;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.SandboxUsage;
import ai.spawn.security.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A bubblewrap sandbox: a workspace file system and cgroups that outlive its processes; every command runs in a fresh
 * bwrap over them. The app runs with {@code socat} forwarding {@code /run/sbx/app.sock} to its port (node apps
 * also open {@code /run/sbx/direct.sock} themselves, see {@link DirectSocket}), in one bwrap whose main process is
 * the app, so the bwrap process lives exactly as long as the app; a pooled sandbox's first app runs in a chain the
 * pool launched ahead ({@link AppLaunch}). When the app ends on
 * its own, the {@link #onExit} listener hears why ({@link ExitReasons}); the limits it hits become security events
 * ({@link LimitWatch}). Thread-safe: launches, exits, pause, resume and {@link #destroy()} are serialized on one
 * lock; commands run to completion outside it. {@link #pause()} freezes the sandbox's cgroup; launching a command or
 * the app in a paused sandbox resumes it first (a frozen command would only wait), and destroying it thaws it first
 * (frozen processes cannot die).
 */
final class LocalSandbox implements Sandbox {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);
    private static final int EXIT_LINES = 100;
    private static final Logger log = LoggerFactory.getLogger(LocalSandbox.class);

    private final String id;
    private final SandboxSpec spec;
    private final BwrapCommand.Target target;
    private final BwrapCommand bwrap;
    private final HostTools tools;
    private final ProcessLauncher launcher;
    private final Cgroups cgroups;
    private final Consumer<String> teardown;
    private final ExecEnvironment execEnvironment;
    private final LimitWatch watch;
    private final Freezer freezer;
    private final Object lock = new Object();
    private final Set<Process> commands = ConcurrentHashMap.newKeySet();
    private volatile boolean destroyed;
    private volatile boolean paused;
    private boolean removed;
    private AppProcess app;
    private volatile Consumer<ProcessExit> exitListener;
    /** A {@code tar -x} started ahead by the warm pool, for the first {@link #writeFiles}. */
    private Process warmWriter;
    /** An app chain ({@link AppLaunch}) launched ahead by the warm pool, for the first {@link #start}. */
    private Process warmApp;

    LocalSandbox(String id, SandboxSpec spec, BwrapCommand.Target target, Context context) {
        this.id = id;
        this.spec = spec;
        this.target = target;
        this.bwrap = context.bwrap();
        this.tools = context.tools();
        this.launcher = context.launcher();
        this.cgroups = context.cgroups();
        this.teardown = context.teardown();
        this.execEnvironment = context.exec();
        this.watch = new LimitWatch(id, spec, target.dirs().workspace().toFile(), cgroups, context.events(),
                context.clock());
        this.freezer = new Freezer(cgroups);
    }

    /**
     * What every sandbox of one provider shares. {@code teardown} removes a sandbox's resources by id;
     * {@code events} records security events.
     */
    record Context(BwrapCommand bwrap, HostTools tools, ProcessLauncher launcher, Cgroups cgroups,
                   Consumer<String> teardown, Consumer<SecurityEvent> events, Clock clock, ExecEnvironment exec) {
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SandboxSpec spec() {
        return spec;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void writeFiles(Map<String, String> files) {
        byte[] archive;
        try {
            archive = FilesArchive.tar(files);
        } catch (IllegalArgumentException e) {
            throw new SandboxException(id, e.getMessage(), e);
        }
        ExecResult result = run(WarmWriter.untar(tools), List.of(), spec.env(), archive, WRITE_TIMEOUT, line -> { });
        if (!result.succeeded()) {
            boolean full = result.lastLines().stream().anyMatch(l -> l.contains("No space left on device"));
            throw new SandboxException(id, (full ? "the workspace is full: " : "writing files failed: ")
                    + String.join("\n", result.lastLines()));
        }
    }

    @Override
    public ExecResult exec(String command, Duration timeout, Consumer<String> output) {
        Objects.requireNonNull(output, "output");
        ensureExists();
        try (ExecEnvironment.Prepared prepared = execEnvironment.prepare(id, spec, target.dirs(), command)) {
            return run(prepared.command(), prepared.mounts(), prepared.env(), null, timeout, output);
        }
    }

    @Override
    public void start(String command, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        synchronized (lock) {
            ensureExists();
            wake();
            takeWarmWriter(false);
            if (app != null) {
                app.stop(STOP_WAIT);
                app = null;
            }
            try {
                String script = AppLaunch.script(DirectSocket.appEnv(spec.env()), port, command);
                Files.deleteIfExists(target.dirs().socket());
                Files.deleteIfExists(target.dirs().directSocket());
                app = AppProcess.adopt(launchApp(script), id, watcher(counters()));
            } catch (IOException | IllegalArgumentException e) {
                throw new SandboxLaunchException(id, "cannot start the app of " + id + ": " + e.getMessage(), e);
            }
            log.info("sandbox {} started its app on port {}", id, port);
        }
    }

    /**
     * The app's chain, running {@code script}: the warm one the pool launched, when there is one that still reads,
     * else a new one. Call with the lock held.
     */
    private Process launchApp(String script) throws IOException {
        Process warm = warmApp;
        warmApp = null;
        if (warm != null) {
            commands.remove(warm);
            if (warm.isAlive()) {
                try {
                    AppLaunch.hand(warm, script);
                    return warm;
                } catch (IOException e) {
                    log.info("the warm app chain of sandbox {} is gone ({}); launching a new one", id, e.toString());
                }
            }
            ProcessLauncher.killTree(warm);
        }
        Process chain = launcher.start(AppLaunch.chain(bwrap, target));
        try {
            AppLaunch.hand(chain, script);
        } catch (IOException e) {
            ProcessLauncher.killTree(chain);
            throw e;
        }
        return chain;
    }

    @Override
    public void onExit(Consumer<ProcessExit> listener) {
        ensureExists();
        exitListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public SandboxEndpoint endpoint() {
        ensureExists();
        // both sockets live in the run directory, which the app can write: the gateway opens them without
        // following links and checks that this sandbox's uid and cgroup listen on them (SandboxEndpoint.Peer)
        return new SandboxEndpoint.UnixSocket(target.dirs().directSocket(), target.dirs().socket(),
                new SandboxEndpoint.Peer(bwrap.uid(), cgroups.procsFiles(id).get(0)));
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            ensureExists();
            return app != null && app.isAlive();
        }
    }

    @Override
    public List<String> logs(int max) {
        synchronized (lock) {
            ensureExists();
            return app == null ? List.of() : app.logs(max);
        }
    }

    @Override
    public SandboxUsage usage() {
        ensureExists();
        return cgroups.usage(id);
    }

    @Override
    public void pause() {
        synchronized (lock) {
            ensureExists();
            if (!paused) {
                freezer.freeze(id);
                paused = true;
                log.info("sandbox {} paused", id);
            }
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            ensureExists();
            if (paused) {
                wake();
                log.info("sandbox {} resumed", id);
            }
        }
    }

    @Override
    public boolean isPaused() {
        ensureExists();
        return paused;
    }

    /** Thaws the sandbox if it is paused. Call with the lock held. */
    private void wake() {
        if (paused) {
            freezer.thaw(id);
            paused = false;
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            destroyed = true;
            if (removed) {
                return;
            }
            if (paused) {
                try {
                    wake();
                } catch (SandboxException e) {
                    log.warn("sandbox {} could not be thawed before it is destroyed; teardown tries again", id, e);
                }
            }
            if (app != null) {
                app.stop(Duration.ZERO);
                app = null;
            }
            commands.forEach(ProcessLauncher::killTree);
            checkLimits(true);
            teardown.accept(id);
            removed = true;
            log.info("sandbox {} destroyed", id);
        }
    }

    /**
     * Gives the sandbox what the warm pool launched ahead: the writer the first {@link #writeFiles} uses and the
     * app chain the first {@link #start} uses; either may be {@code null}.
     */
    void adoptWarm(Process writer, Process appChain) {
        synchronized (lock) {
            warmWriter = writer;
            warmApp = appChain;
            if (writer != null) {
                commands.add(writer);
            }
            if (appChain != null) {
                commands.add(appChain);
            }
        }
    }

    /**
     * Takes the warm writer: returns it when there is one that still runs and it is {@code forWrite}; otherwise
     * dismisses it (it serves only a first write). Call with the lock held.
     */
    private Process takeWarmWriter(boolean forWrite) {
        Process warm = warmWriter;
        warmWriter = null;
        if (warm != null && (!forWrite || !warm.isAlive())) {
            commands.remove(warm);
            WarmWriter.dismiss(warm);
            return null;
        }
        return warm;
    }

    private ExecResult run(List<String> command, List<String> mounts, Map<String, String> env, byte[] stdin,
                           Duration timeout, Consumer<String> output) {
        Process process;
        synchronized (lock) {
            ensureExists();
            wake();
            Process warm = takeWarmWriter(stdin != null && command.equals(WarmWriter.untar(tools)));
            try {
                if (warm != null) {
                    process = warm;
                } else {
                    ProcessBuilder builder = ProcessLauncher.builder(bwrap.argv(target, false, mounts, env, command));
                    if (stdin != null) {
                        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
                    }
                    process = launcher.start(builder);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new SandboxLaunchException(id, "cannot run a command in " + id + ": " + e.getMessage(), e);
            }
            commands.add(process);
        }
        try {
            ExecResult result = new CommandRun(process, id).await(stdin, timeout, output);
            ensureExists();
            if (result.exitCode() == ExitReasons.SECCOMP_KILLED) {
                watch.seccompKilled("a command");
            }
            checkLimits(false);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(id, "interrupted while running a command in " + id, e);
        } finally {
            commands.remove(process);
        }
    }

    /** Reports the limits hit since the last check as security events (see {@link LimitWatch}). */
    void checkLimits(boolean force) {
        if (destroyed && !force) {
            return;
        }
        try {
            watch.check(force);
        } catch (RuntimeException e) {
            log.warn("cannot check the limits of sandbox {}: {}", id, e.toString());
        }
    }

    /** The limit counters, or none when they cannot be read: a start or an exit report must not fail for them. */
    private LimitCounters counters() {
        try {
            return watch.counters();
        } catch (RuntimeException e) {
            log.warn("cannot read the limit counters of sandbox {}: {}", id, e.toString());
            return LimitCounters.NONE;
        }
    }

    private AppProcess.Watcher watcher(LimitCounters atStart) {
        return new AppProcess.Watcher() {
            @Override
            public void flooded(String rate) {
                watch.logFlood(rate);
            }

            @Override
            public void exited(AppProcess ended, int exitCode) {
                appExited(ended, exitCode, atStart);
            }
        };
    }

    /** The app ended on its own: tell why, unless the sandbox is gone or the app was replaced meanwhile. */
    private void appExited(AppProcess ended, int exitCode, LimitCounters atStart) {
        ProcessExit exit;
        synchronized (lock) {
            if (destroyed || app != ended || ended.wasStopped()) {
                return;
            }
            checkLimits(true);
            if (exitCode == ExitReasons.SECCOMP_KILLED) {
                watch.seccompKilled("the app");
            }
            exit = ExitReasons.classify(new ExitReasons.Observation(exitCode, counters().since(atStart),
                    watch.workspaceFull(), watch.workspaceBytes(), spec.limits(), ended.logs(EXIT_LINES)));
        }
        log.info("sandbox {}: the app ended by itself ({}, exit code {})", id, exit.reason(), exitCode);
        Consumer<ProcessExit> listener = exitListener;
        if (listener != null) {
            listener.accept(exit);
        }
    }

    private void ensureExists() {
        if (destroyed) {
            throw new SandboxNotFoundException(id);
        }
    }
}
