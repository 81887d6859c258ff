package ai.spawn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code spawnai} command-line client: talks to a SpawnAI server over its REST API only, and never starts or
 * touches Spring, so it starts fast. Errors are one {@code spawnai: <message>} line on stderr (a stack trace
 * only with {@code SPAWNAI_DEBUG=1}) and an exit code from {@link ExitCode}. Each call of {@link #run} is
 * independent; not meant for concurrent use.
 */
@Command(name = "spawnai", versionProvider = SpawnAiCli.Version.class, mixinStandardHelpOptions = true,
        description = {"Describe an app, get it running at a live URL.", "",
            "Talks to the SpawnAI server given with --server or $SPAWNAI_SERVER,",
            "by default http://localhost:8080.",
            "Start one on this machine with `spawnai serve` (see the README).",
            "The session token is kept per server in ~/.config/spawnai/credentials.json",
            "(mode 600). Every command takes --help and --json.", ""},
        subcommands = {NewCommand.class, DeployCommand.class, ListCommand.class, StatusCommand.class,
            LogsCommand.class, ChatCommand.class, VersionsCommand.class, RestoreCommand.class, ExtendCommand.class,
            RetryCommand.class, DestroyCommand.class, DownloadCommand.class, LoginCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the app failed, or another error", "2:usage error: bad arguments or input",
            "3:the session token was refused (see `spawnai login --new`)", "4:unknown app id, or the app has ended",
            "5:the server cannot be reached", "6:the server failed (HTTP 5xx)"})
public final class SpawnAiCli implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    SpawnAiCli(CliEnvironment env) {
        this.env = env;
    }

    CliEnvironment env() {
        return env;
    }

    /** Runs the client with the process's streams and environment; returns the exit code. */
    public static int run(String... args) {
        return run(CliEnvironment.system(), args);
    }

    static int run(CliEnvironment env, String... args) {
        CommandLine cli = new CommandLine(new SpawnAiCli(env));
        cli.setOut(env.out()).setErr(env.err());
        cli.setExecutionExceptionHandler((e, command, parsed) -> report(e, env));
        cli.setParameterExceptionHandler(SpawnAiCli::usageError);
        int code = cli.execute(args);
        env.out().flush();
        env.err().flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(env.out());
        return ExitCode.OK;
    }

    private static int report(Exception e, CliEnvironment env) {
        if (e instanceof CliException cli) {
            env.err().println("spawnai: " + cli.getMessage());
            debug(e, env);
            return cli.exitCode();
        }
        env.err().println("spawnai: unexpected error: " + e + " (SPAWNAI_DEBUG=1 shows where)");
        debug(e, env);
        return ExitCode.FAILED;
    }

    private static void debug(Exception e, CliEnvironment env) {
        if ("1".equals(env.env().get("SPAWNAI_DEBUG"))) {
            e.printStackTrace(env.err());
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("spawnai: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try `" + command.getCommandSpec().qualifiedName() + " --help` for more information.");
        return ExitCode.USAGE;
    }

    /** The jar's version, from its manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SpawnAiCli.class.getPackage().getImplementationVersion();
            return new String[] {"spawnai " + (version == null ? "(development build)" : version)};
        }
    }
}
