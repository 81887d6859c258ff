package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the argv that starts one command in a sandbox. As root, {@code sh} enters the sandbox's cgroups (refusing
 * to go on when it cannot), limits open files and forbids core dumps, and opens the seccomp filter as fd 3; then
 * {@code setpriv} drops to the sandbox uid with no capabilities and no way to gain any, then {@code bwrap} builds
 * the sandbox: new user, pid, network, ipc, uts (and cgroup) namespaces, a new session, a read-only {@code /usr},
 * no host {@code /etc} besides TLS roots and alternatives, a fresh {@code /proc} and {@code /dev}, small private
 * {@code /tmp}, {@code /dev/shm} and {@code /home/user}, the workspace at {@code /home/user/app}, a read-only
 * root and {@code /dev}; it loads the {@link SeccompFilter} from fd 3 (closing it) right before it runs the
 * command. Each step {@code exec}s the next, so the whole chain is one process. Immutable, thread-safe.
 */
final class BwrapCommand {

    static final String APP_DIR = "/home/user/app";
    static final String HOME = "/home/user";
    static final String RUN_DIR = "/run/sbx";
    static final String TOOLS_DIR = "/opt/spawnai";
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    /** Host-wide {@code /proc} files each sandbox sees empty. */
    static final List<String> HIDDEN_PROC_FILES = List.of("/proc/diskstats", "/proc/partitions");

    private static final int SECCOMP_FD = 3;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Arguments: open files, seccomp filter, cgroup.procs files, {@code --}, the command. */
    private static final String ENTER_CGROUPS = "ulimit -n \"$1\" && ulimit -c 0 || exit 125; filter=$2; shift 2;"
            + " while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift;"
            + " exec \"$@\" " + SECCOMP_FD + "< \"$filter\"";

    /**
     * What a command runs against.
     *
     * @param dirs         the sandbox's directories
     * @param cgroupProcs  the {@code cgroup.procs} files to enter first
     * @param scratchBytes size of each of {@code /tmp}, {@code /dev/shm} and {@code /home/user}
     * @param openFiles    the open files limit of each process
     */
    record Target(SandboxDirs dirs, List<Path> cgroupProcs, long scratchBytes, int openFiles) {

        Target(SandboxDirs dirs, List<Path> cgroupProcs, long scratchBytes) {
            this(dirs, cgroupProcs, scratchBytes, SandboxLimits.DEFAULT_OPEN_FILES);
        }
    }

    private final HostTools tools;
    private final int uid;
    private final SandboxLayout layout;
    private final List<String> rootLinks;

    BwrapCommand(HostTools tools, int uid, SandboxLayout layout) {
        this.tools = tools;
        this.uid = uid;
        this.layout = layout;
        this.rootLinks = rootLinks();
    }

    /** The host uid every sandbox process runs as. */
    int uid() {
        return uid;
    }

    /**
     * The argv running {@code command} in {@code target}.
     *
     * @param withRunDir whether to bind the run directory (only the app process gets it)
     * @param env        variables on top of {@code PATH} and {@code HOME}; may override them
     * @throws IllegalArgumentException for an invalid variable name
     */
    List<String> argv(Target target, boolean withRunDir, Map<String, String> env, List<String> command) {
        return argv(target, withRunDir, List.of(), env, command);
    }

    /**
     * The argv running {@code command} in {@code target} with extra bwrap mount arguments ({@code --ro-bind src
     * dest}...), applied after the standard mounts and before the root becomes read-only.
     */
    List<String> argv(Target target, boolean withRunDir, List<String> mounts, Map<String, String> env,
                      List<String> command) {
        List<String> argv = new ArrayList<>(List.of(tools.sh().toString(), "-c", ENTER_CGROUPS, "spawnai-enter",
                Integer.toString(target.openFiles()), layout.seccomp().toString()));
        target.cgroupProcs().forEach(p -> argv.add(p.toString()));
        argv.add("--");
        argv.addAll(List.of(tools.setpriv().toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        argv.addAll(List.of(tools.bwrap().toString(), "--unshare-user", "--disable-userns", "--unshare-pid",
                "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent",
                "--new-session", "--hostname", "sandbox", "--seccomp", Integer.toString(SECCOMP_FD)));
        argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
        argv.addAll(rootLinks);
        roBindTry(argv, "/etc/ssl");
        roBindTry(argv, "/etc/alternatives");
        roBindTry(argv, "/etc/ld.so.cache");
        layout.etcFiles().keySet().stream().sorted()
                .forEach(name -> roBind(argv, layout.etc().resolve(name).toString(), "/etc/" + name));
        roBind(argv, layout.tools().toString(), TOOLS_DIR);
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        // the host's block devices and their i/o counters: with them one app could watch another's writes
        for (String hidden : HIDDEN_PROC_FILES) {
            roBind(argv, layout.empty().toString(), hidden);
        }
        String scratch = Long.toString(target.scratchBytes());
        argv.addAll(List.of("--size", scratch, "--tmpfs", "/tmp", "--size", scratch, "--tmpfs", "/dev/shm",
                "--size", scratch, "--tmpfs", HOME));
        argv.addAll(List.of("--bind", target.dirs().workspace().toString(), APP_DIR));
        if (withRunDir) {
            argv.addAll(List.of("--bind", target.dirs().run().toString(), RUN_DIR));
        }
        argv.addAll(mounts);
        argv.addAll(List.of("--remount-ro", "/dev", "--remount-ro", "/", "--chdir", APP_DIR, "--clearenv",
                "--setenv", "PATH", PATH, "--setenv", "HOME", HOME));
        env.forEach((name, value) -> argv.addAll(List.of("--setenv", requireEnvName(name), value)));
        argv.add("--");
        argv.addAll(command);
        return argv;
    }

    /**
     * {@code name} when it is a valid environment variable name (letters, digits, underscores, not starting with a
     * digit), the only names a sandbox's environment may have.
     *
     * @throws IllegalArgumentException otherwise
     */
    static String requireEnvName(String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid environment variable name: " + name);
        }
        return name;
    }

    private static void roBind(List<String> argv, String source, String dest) {
        argv.addAll(List.of("--ro-bind", source, dest));
    }

    private static void roBindTry(List<String> argv, String path) {
        argv.addAll(List.of("--ro-bind-try", path, path));
    }

    /** {@code /bin}, {@code /lib}… as on the host: a symlink into {@code /usr} (merged /usr), else a read-only bind. */
    private static List<String> rootLinks() {
        List<String> args = new ArrayList<>();
        for (String name : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
            Path path = Path.of("/", name);
            if (Files.isSymbolicLink(path)) {
                try {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the symlink " + path, e);
                }
            } else if (Files.isDirectory(path)) {
                roBind(args, path.toString(), path.toString());
            }
        }
        return List.copyOf(args);
    }
}
