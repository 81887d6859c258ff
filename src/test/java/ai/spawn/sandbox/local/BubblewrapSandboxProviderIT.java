package ai.spawn.sandbox.local;

import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxProviderContract;
import ai.spawn.sandbox.SandboxSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox contract on real bubblewrap, plus what is particular to the local provider. Needs root. */
class BubblewrapSandboxProviderIT extends SandboxProviderContract {

    static final Path DATA_DIR = Path.of("target", "sandbox-it").toAbsolutePath();

    private static BubblewrapSandboxProvider provider;

    @BeforeAll
    static void openProvider() {
        provider = BubblewrapSandboxProvider.open(DATA_DIR, 10001);
    }

    @AfterAll
    static void closeProvider() {
        provider.close();
    }

    @Override
    protected SandboxProvider provider() {
        return provider;
    }

    @Test
    void idsAreShortAndLowercase() {
        assertThat(create().id()).matches("sbx-[a-z2-7]{10}");
    }

    @Test
    void endpointIsTheAppsOwnUnixSocketThenTheRelaysUnderTheDataDirectoryServedByTheSandboxOnly() {
        Sandbox sandbox = create();
        Path run = DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("run");

        var endpoint = (ai.spawn.sandbox.SandboxEndpoint.UnixSocket) sandbox.endpoint();
        assertThat(endpoint.path()).isEqualTo(run.resolve("direct.sock"));
        assertThat(endpoint.fallback()).isEqualTo(run.resolve("app.sock"));
        assertThat(endpoint.peer().uid()).isEqualTo(10001);
        assertThat(endpoint.peer().cgroupProcs().toString()).contains(sandbox.id()).endsWith("cgroup.procs");
    }

    @Test
    void aTemplateBuildsSandboxIsNotListedForTheReaperWhileItsBuildHoldsIt() {
        // found in the attack pass: the reaper destroyed the lazy node template build's sandbox as an orphan
        Sandbox build = provider.create(new ai.spawn.sandbox.SandboxSpec(TemplateBuild.OWNER_PREFIX + "node",
                TemplateBuild.BUILDER, ai.spawn.sandbox.SandboxLimits.defaults(), Map.of()));
        try {
            Sandbox app = create();

            assertThat(provider.list()).contains(app.id()).doesNotContain(build.id());
        } finally {
            build.destroy();
        }
    }

    @Test
    void staticBundlesAreServedByTheBundledServer() {
        Sandbox sandbox = create();
        sandbox.writeFiles(Map.of("index.html", "<h1>static</h1>", "css/site.css", "h1{}"));

        sandbox.start("node /opt/spawnai/static-server.js", PORT);

        assertThat(awaitAnswer(sandbox, "/").body()).isEqualTo("<h1>static</h1>");
        assertThat(awaitAnswer(sandbox, "/css/site.css").headers()).containsIgnoringCase("content-type: text/css");
    }

    @Test
    void logsStayBoundedUnderAFlood() {
        Sandbox sandbox = create();

        sandbox.start("head -c 20000 /dev/zero | tr '\\0' x; echo; seq 1 50000; echo done", PORT);

        await().atMost(TIMEOUT).until(() -> sandbox.logs(1).equals(List.of("done")));
        List<String> logs = sandbox.logs(Integer.MAX_VALUE);
        assertThat(logs).hasSize(AppProcess.LOG_LINES);
        assertThat(logs.get(logs.size() - 2)).isEqualTo("50000");
    }

    @Test
    void longLinesAreCut() {
        Sandbox sandbox = create();

        sandbox.start("head -c 20000 /dev/zero | tr '\\0' x; echo; echo done", PORT);

        await().atMost(TIMEOUT).until(() -> sandbox.logs(1).equals(List.of("done")));
        assertThat(sandbox.logs(2).get(0)).hasSize(CommandRun.LINE_BYTES).matches("x+");
    }

    @Test
    void concurrentDestroysAllSucceedAndLeaveNothing() {
        Sandbox sandbox = create();
        sandbox.start("sleep 60", PORT);
        List<CompletableFuture<Void>> destroys = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            destroys.add(CompletableFuture.runAsync(() -> provider.destroy(sandbox.id())));
            destroys.add(CompletableFuture.runAsync(sandbox::destroy));
        }

        CompletableFuture.allOf(destroys.toArray(CompletableFuture[]::new)).join();
        assertThat(DATA_DIR.resolve("sandboxes").resolve(sandbox.id())).doesNotExist();
        assertThat(provider.list()).doesNotContain(sandbox.id());
    }

    @Test
    void leftoversOfAnotherProviderAreListedAndDestroyed() {
        Path otherData = DATA_DIR.resolveSibling("sandbox-it-leftovers");
        String id;
        try (BubblewrapSandboxProvider crashed = BubblewrapSandboxProvider.open(otherData, 10001)) {
            Sandbox sandbox = crashed.create(new SandboxSpec("leftover", "node", SandboxLimits.defaults(), Map.of()));
            sandbox.start("sleep 60", PORT);
            id = sandbox.id();

            try (BubblewrapSandboxProvider restarted = BubblewrapSandboxProvider.open(otherData, 10001)) {
                assertThat(restarted.list()).contains(id);
                assertThat(restarted.find(id)).isEmpty();

                restarted.destroy(id);

                assertThat(restarted.list()).doesNotContain(id);
                assertThat(otherData.resolve("sandboxes").resolve(id)).doesNotExist();
                assertThat(WorkspaceMount.isMounted(otherData.resolve("sandboxes").resolve(id).resolve("workspace")))
                        .isFalse();
            }
        }
        assertThat(Files.exists(otherData.resolve("sandboxes").resolve(id))).isFalse();
    }
}
