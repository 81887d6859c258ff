package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command in its own JVM, where no server is needed or none answers. */
class CliWithoutServerIT {

    @TempDir
    Path config;

    String down;
    CliProcess spawnai;

    @BeforeEach
    void noServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = "http://127.0.0.1:" + socket.getLocalPort();
        }
        spawnai = new CliProcess(down, config);
    }

    @Test
    void serverDownExits5WithAPlainMessage() throws Exception {
        CliProcess.Run run = spawnai.run("new", "a todo list app");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).isEqualTo("spawnai: cannot reach SpawnAI at " + down
                + ": connection refused. Is `./spawnai serve` running?\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpNeedsNoServerAndLoadsNoSpring() throws Exception {
        Path classLog = config.resolve("classes.log");

        CliProcess.Run run = spawnai.run(List.of("-Xlog:class+load=info:file=" + classLog), "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Usage: spawnai").contains("Exit codes:");
        assertThat(Files.readString(classLog)).contains("ai.spawn.cli.SpawnAiCli").doesNotContain("org.springframework");
    }

    @Test
    void everyCommandAnswersHelp() throws Exception {
        CliProcess.Run run = spawnai.run("logs", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: spawnai logs").contains("--follow");
    }

    @Test
    void usageErrorsExit2() throws Exception {
        CliProcess.Run run = spawnai.run("extend", "onlyanid");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("spawnai: Missing required parameter: 'DURATION'");
    }

    @Test
    void theJarRunsTheClient() throws Exception {
        Path jar = Path.of("target/spawnai.jar");
        assumeTrue(Files.isRegularFile(jar), "target/spawnai.jar is built by `mvn package`");

        CliProcess.Run run = spawnai.exec(List.of(CliProcess.java(), "-jar", jar.toString(), "list"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    }
}
