package ai.spawn.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every {@link SandboxProvider} owes its callers. An adapter's test extends this class and supplies
 * the provider; the sandboxes need {@code /bin/sh} and {@code node}.
 */
public abstract class SandboxProviderContract {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final int PORT = 3000;

    private final List<Sandbox> created = new ArrayList<>();

    /** The provider under test; shared between tests is fine. */
    protected abstract SandboxProvider provider();

    protected SandboxSpec spec() {
        return new SandboxSpec("contract-test", "node", SandboxLimits.defaults(), Map.of("GREETING", "hello"));
    }

    protected Sandbox create() {
        Sandbox sandbox = provider().create(spec());
        created.add(sandbox);
        return sandbox;
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
    }

    /** A node server answering every request with {@code text}, logging a line when it listens. */
    protected static Map<String, String> server(String text) {
        return Map.of("server.js", """
                const http = require('http');
                const body = %s;
                http.createServer((req, res) => {
                  res.writeHead(200, {'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body)});
                  res.end(body);
                }).listen(process.env.PORT, () => console.log('listening on ' + process.env.PORT));
                """.formatted("'" + text + "'"));
    }

    protected static EndpointClient.Response awaitAnswer(Sandbox sandbox, String path) {
        return await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> EndpointClient.get(sandbox.endpoint(), path), r -> r.status() > 0);
    }

    @Test
    void createdSandboxIsFoundAndListed() {
        Sandbox sandbox = create();

        assertThat(provider().find(sandbox.id())).containsSame(sandbox);
        assertThat(provider().list()).contains(sandbox.id());
        assertThat(sandbox.spec()).isEqualTo(spec());
    }

    @Test
    void commandsSeeWrittenFiles() {
        Sandbox sandbox = create();
        sandbox.writeFiles(Map.of("a.txt", "alpha\n", "dir/sub/b.txt", "beta\n"));

        ExecResult result = sandbox.exec("cat a.txt dir/sub/b.txt", TIMEOUT, line -> { });

        assertThat(result.succeeded()).isTrue();
        assertThat(result.lastLines()).containsExactly("alpha", "beta");
    }

    @Test
    void writingAgainReplacesFiles() {
        Sandbox sandbox = create();
        sandbox.writeFiles(Map.of("a.txt", "old"));
        sandbox.writeFiles(Map.of("a.txt", "new"));

        assertThat(sandbox.exec("cat a.txt", TIMEOUT, line -> { }).lastLines()).containsExactly("new");
    }

    @Test
    void execStreamsOutputAndReportsTheExitCode() {
        Sandbox sandbox = create();
        List<String> streamed = new CopyOnWriteArrayList<>();

        ExecResult result = sandbox.exec("echo one; echo two >&2; exit 3", TIMEOUT, streamed::add);

        assertThat(streamed).containsExactlyInAnyOrder("one", "two");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void commandsSeeTheSpecEnvironmentAndNothingOfTheHost() {
        Sandbox sandbox = create();

        ExecResult result = sandbox.exec("echo \"$GREETING\"; env | cut -d= -f1", TIMEOUT, line -> { });

        assertThat(result.lastLines().get(0)).isEqualTo("hello");
        // installs also get their package manager's settings (npm_config_*, PIP_*), never anything of the host
        assertThat(result.lastLines().subList(1, result.lastLines().size()).stream()
                .filter(name -> !name.startsWith("npm_config_") && !name.startsWith("PIP_")).toList())
                .contains("GREETING", "PATH", "HOME")
                .isSubsetOf("GREETING", "PATH", "HOME", "PWD", "OLDPWD", "SHLVL", "_");
    }

    @Test
    void execIsKilledWhenTheTimeoutPasses() {
        Sandbox sandbox = create();

        ExecResult result = sandbox.exec("echo started; sleep 60 & sleep 60", Duration.ofMillis(500), line -> { });

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.lastLines()).containsExactly("started");
        assertThat(sandbox.exec("echo still usable", TIMEOUT, line -> { }).succeeded()).isTrue();
    }

    @Test
    void writeFilesRejectsPathsOutsideTheWorkspace() {
        Sandbox sandbox = create();

        assertThatThrownBy(() -> sandbox.writeFiles(Map.of("../escape.txt", "x")))
                .isInstanceOf(SandboxException.class);
        assertThatThrownBy(() -> sandbox.writeFiles(Map.of("/etc/escape.txt", "x")))
                .isInstanceOf(SandboxException.class);
    }

    @Test
    void startedAppIsReachableThroughTheEndpointAndLogs() throws IOException {
        Sandbox sandbox = create();
        sandbox.writeFiles(server("hello from the sandbox"));

        sandbox.start("node server.js", PORT);

        EndpointClient.Response response = awaitAnswer(sandbox, "/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from the sandbox");
        assertThat(sandbox.isRunning()).isTrue();
        assertThat(sandbox.logs(10)).contains("listening on " + PORT);
    }

    @Test
    void startingAgainReplacesTheApp() {
        Sandbox sandbox = create();
        sandbox.writeFiles(server("version 1"));
        sandbox.start("node server.js", PORT);
        assertThat(awaitAnswer(sandbox, "/").body()).isEqualTo("version 1");

        sandbox.writeFiles(server("version 2"));
        sandbox.start("node server.js", PORT);

        await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> EndpointClient.get(sandbox.endpoint(), "/").body(), "version 2"::equals);
        assertThat(sandbox.isRunning()).isTrue();
    }

    @Test
    void isRunningTurnsFalseWhenTheAppExits() {
        Sandbox sandbox = create();

        sandbox.start("echo bye; exit 0", PORT);

        await().atMost(TIMEOUT).until(() -> !sandbox.isRunning());
        assertThat(sandbox.logs(10)).contains("bye");
    }

    @Test
    void usageIsReported() {
        Sandbox sandbox = create();
        sandbox.exec("i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done", TIMEOUT, line -> { });

        SandboxUsage usage = sandbox.usage();

        assertThat(usage.cpuMillis()).isPositive();
        assertThat(usage.peakMemoryBytes()).isPositive().isGreaterThanOrEqualTo(usage.memoryBytes());
    }

    @Test
    void destroyIsIdempotent() {
        Sandbox sandbox = create();
        sandbox.start("sleep 60", PORT);

        sandbox.destroy();

        assertThatCode(sandbox::destroy).doesNotThrowAnyException();
        assertThatCode(() -> provider().destroy(sandbox.id())).doesNotThrowAnyException();
    }

    @Test
    void destroyedSandboxIsNotFound() {
        Sandbox sandbox = create();
        sandbox.destroy();

        assertThat(provider().find(sandbox.id())).isEmpty();
        assertThat(provider().list()).doesNotContain(sandbox.id());
        assertThatThrownBy(() -> sandbox.writeFiles(Map.of("a", "b"))).isInstanceOf(SandboxNotFoundException.class);
        assertThatThrownBy(() -> sandbox.exec("true", TIMEOUT, l -> { }))
                .isInstanceOf(SandboxNotFoundException.class);
        assertThatThrownBy(() -> sandbox.start("true", PORT)).isInstanceOf(SandboxNotFoundException.class);
        assertThatThrownBy(sandbox::endpoint).isInstanceOf(SandboxNotFoundException.class);
        assertThatThrownBy(sandbox::isRunning).isInstanceOf(SandboxNotFoundException.class);
        assertThatThrownBy(() -> sandbox.logs(1)).isInstanceOf(SandboxNotFoundException.class);
        assertThatThrownBy(sandbox::usage).isInstanceOf(SandboxNotFoundException.class);
    }

    @Test
    void destroyingAnUnknownSandboxDoesNothing() {
        assertThatCode(() -> provider().destroy("sbx-aaaaaaaaaa")).doesNotThrowAnyException();
        assertThatCode(() -> provider().destroy("../../etc")).doesNotThrowAnyException();
        assertThat(provider().find("sbx-aaaaaaaaaa")).isEmpty();
    }
}
