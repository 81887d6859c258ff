package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProperties;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.HostResolver;
import ai.spawn.egress.RecordingEgressListener;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.SandboxTemplates.TemplateStatus;
import ai.spawn.sandbox.TemplateProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the node template for real (npm in a sandbox, through the egress proxy, from the npm registry) with two
 * versions of one package, then installs each in another sandbox from the warm cache. The build also proves that npm
 * behind the proxy never resolves a name itself: the sandbox has no resolver. Needs root, node, npm and the npm
 * registry.
 */
class NodeTemplateIT {

    private static final Path DATA_DIR = Path.of("target", "node-template-it").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static RecordingEgressListener listener;
    private static EgressProxy proxy;
    private static BubblewrapSandboxProvider provider;
    private static List<TemplateStatus> built;
    private final List<Sandbox> created = new ArrayList<>();

    @BeforeAll
    static void buildTemplate() {
        listener = new RecordingEgressListener();
        proxy = new EgressProxy(EgressProperties.defaults(), HostResolver.system(), listener);
        provider = BubblewrapSandboxProvider.open(DATA_DIR, 10001, new BubblewrapSandboxProvider.Installs(proxy,
                TemplateProperties.defaults().withNodePackages(List.of("express@4", "express"))));
        built = provider.templates().build(true);
    }

    @AfterAll
    static void close() {
        provider.close();
        proxy.close();
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
    }

    private Sandbox create() {
        Sandbox sandbox = provider.create(new SandboxSpec("template-test", "node", SandboxLimits.defaults(), Map.of()));
        created.add(sandbox);
        sandbox.writeFiles(Map.of("package.json", "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}"));
        return sandbox;
    }

    private static ExecResult run(Sandbox sandbox, String command) {
        return sandbox.exec(command, TIMEOUT, line -> { });
    }

    @Test
    void theTemplateHoldsTheNpmCacheOfItsPackages() {
        TemplateStatus node = built.stream().filter(s -> s.name().equals("node")).findFirst().orElseThrow();
        Path dir = DATA_DIR.resolve("templates").resolve("node-" + node.version());

        assertThat(node.built()).isTrue();
        assertThat(dir.resolve("npm-cache/_cacache/index-v5")).isDirectory();
        assertThat(dir.resolve("npm-cache/_cacache/content-v2")).isDirectory();
        assertThat(dir.resolve("npmrc")).content().contains("audit=false");
        assertThat(dir.resolve("template.json")).content().contains("\"express\"", "\"express@4\"");
    }

    @Test
    void npmInstallsEachTemplatePackageFromTheWarmCacheWithoutTouchingTheRegistry() {
        for (String spec : List.of("express", "express@4")) {
            Sandbox sandbox = create();

            ExecResult install = run(sandbox, "npm install " + spec);
            ExecResult use = run(sandbox, "node -e \"require('express'); console.log('express ok')\"");

            assertThat(install.succeeded()).as(String.join("\n", install.lastLines())).isTrue();
            assertThat(String.join("\n", install.lastLines())).contains("added");
            assertThat(use.lastLines()).containsExactly("express ok");
            assertThat(listener.connections()).as(spec).noneMatch(c -> c.startsWith(sandbox.id() + " "));
        }
    }

    @Test
    void npmReachesTheRegistryThroughTheProxyForWhatTheCacheLacks() {
        Sandbox sandbox = create();

        ExecResult install = run(sandbox, "npm install is-number@7.0.0 && npm ls is-number");

        assertThat(install.succeeded()).as(String.join("\n", install.lastLines())).isTrue();
        assertThat(listener.connections()).contains(sandbox.id() + " registry.npmjs.org:443");
    }

    @Test
    void npmCannotFetchFromARegistryThatIsNotAllowed() {
        Sandbox sandbox = create();

        ExecResult install = run(sandbox, "npm install --registry https://registry.yarnpkg.com/ left-pad");

        assertThat(install.succeeded()).isFalse();
        assertThat(listener.refusals()).anySatisfy(r -> {
            assertThat(r.sandboxId()).isEqualTo(sandbox.id());
            assertThat(r.host()).isEqualTo("registry.yarnpkg.com");
            assertThat(r.port()).isEqualTo(443);
        });
        assertThat(Files.exists(DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("workspace")
                .resolve("node_modules/left-pad"))).isFalse();
    }
}
