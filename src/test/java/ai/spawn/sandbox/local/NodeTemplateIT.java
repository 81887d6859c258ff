package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProperties;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.HostResolver;
import ai.spawn.egress.RecordingEgressListener;
import ai.spawn.sandbox.EndpointClient;
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
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builds the node template for real (npm in a sandbox, through the egress proxy, from the npm registry) with two
 * versions of one package and a third package, then installs in other sandboxes from it: from the installed trees
 * (npm only reconciles) and the warm cache, checking that npm's result stays what npm alone would give. The build
 * also proves that npm behind the proxy never resolves a name itself: the sandbox has no resolver. Needs root, node,
 * npm and the npm registry.
 */
class NodeTemplateIT {

    private static final Path DATA_DIR = Path.of("target", "node-template-it").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String EMPTY = "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}";
    private static final String SEEDED = "spawnai: node_modules seeded from the node template (";

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
                TemplateProperties.defaults().withNodePackages(List.of("express@4", "express", "cors"))));
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

    private Sandbox create(Map<String, String> files) {
        Sandbox sandbox = provider.create(new SandboxSpec("template-test", "node", SandboxLimits.defaults(), Map.of()));
        created.add(sandbox);
        sandbox.writeFiles(files);
        return sandbox;
    }

    private Sandbox create(String packageJson) {
        return create(Map.of("package.json", packageJson));
    }

    private static ExecResult run(Sandbox sandbox, String command) {
        return sandbox.exec(command, TIMEOUT, line -> { });
    }

    private static String output(ExecResult result) {
        return String.join("\n", result.lastLines());
    }

    private static ExecResult succeeded(Sandbox sandbox, String command) {
        ExecResult result = run(sandbox, command);
        assertThat(result.succeeded()).as(command + ":\n" + output(result)).isTrue();
        return result;
    }

    private static String version(Sandbox sandbox, String name) {
        return succeeded(sandbox, "node -p \"require('" + name + "/package.json').version\"").lastLines().get(0);
    }

    private List<String> connectionsOf(Sandbox sandbox) {
        return listener.connections().stream().filter(c -> c.startsWith(sandbox.id() + " ")).toList();
    }

    private static Path templateDir() {
        TemplateStatus node = built.stream().filter(s -> s.name().equals("node")).findFirst().orElseThrow();
        return DATA_DIR.resolve("templates").resolve("node-" + node.version());
    }

    @Test
    void theTemplateHoldsTheNpmCacheAndAnInstalledTreeOfEachPackage() throws Exception {
        Path dir = templateDir();

        assertThat(built).filteredOn(s -> s.name().equals("node")).singleElement()
                .satisfies(s -> assertThat(s.built()).isTrue());
        assertThat(dir.resolve("npm-cache/_cacache/index-v5")).isDirectory();
        assertThat(dir.resolve("npm-cache/_cacache/content-v2")).isDirectory();
        assertThat(dir.resolve("npmrc")).content().contains("audit=false");
        assertThat(dir.resolve("template.json")).content().contains("\"express\"", "\"express@4\"", "\"recipe\": 3");
        assertThat(dir.resolve("npm-seed.cjs")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(dir.resolve("bin/npm"))).contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(dir.resolve("trees/1/package.json")).content().contains("\"express\":\"^4.");
        assertThat(dir.resolve("trees/2/package.json")).content().contains("\"express\":\"^5.");
        assertThat(dir.resolve("trees/3/package.json")).content().contains("\"cors\"");
        assertThat(dir.resolve("trees/1/node_modules/express/package.json")).isRegularFile();
        assertThat(dir.resolve("trees/1/node_modules/.package-lock.json")).isRegularFile();
        Path mime = dir.resolve("trees/1/node_modules/.bin/mime");
        assertThat(Files.readSymbolicLink(mime)).isEqualTo(Path.of("../mime/cli.js"));
        assertThat(Files.getPosixFilePermissions(mime)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void npmInstallsEachTemplatePackageFromItsInstalledTreeWithoutTouchingTheRegistry() {
        for (String spec : List.of("express", "express@4")) {
            Sandbox sandbox = create(EMPTY);

            ExecResult install = succeeded(sandbox, "npm install " + spec);
            ExecResult use = succeeded(sandbox, "node -e \"require('express'); console.log('express ok')\"");

            // npm fetches nothing (it may unpack the named package again from the cache: see npm-seed.cjs)
            assertThat(output(install)).as(spec).contains(SEEDED + "express@" + (spec.equals("express") ? "5." : "4."))
                    .doesNotContain("added");
            assertThat(use.lastLines()).containsExactly("express ok");
            assertThat(version(sandbox, "express")).startsWith(spec.equals("express") ? "5." : "4.");
            assertThat(output(succeeded(sandbox, "cat package.json")).replace(" ", ""))
                    .contains("\"dependencies\":{\"express\":\"^" + (spec.equals("express") ? "5." : "4."));
            succeeded(sandbox, "npm ls --all >/dev/null");
            assertThat(connectionsOf(sandbox)).as(spec).isEmpty();
        }
    }

    @Test
    void anExpressAppInstalledFromTheTemplateServesRequests() {
        Sandbox sandbox = create(Map.of(
                "package.json", "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                        + "\"dependencies\":{\"express\":\"^4.21.0\",\"cors\":\"^2.8.5\"}}",
                "server.js", """
                        const express = require('express');
                        const cors = require('cors');
                        const app = express();
                        app.use(cors());
                        app.get('/', (req, res) => res.json({ express: require('express/package.json').version }));
                        app.listen(process.env.PORT);
                        """));

        ExecResult install = succeeded(sandbox, "npm install --no-audit --no-fund --omit=dev");
        sandbox.start("node server.js", 3000);
        EndpointClient.Response response = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> EndpointClient.get(sandbox.endpoint(), "/"), r -> r.status() > 0);

        assertThat(output(install)).contains(SEEDED + "express@4.", "cors@2.");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().toLowerCase()).contains("access-control-allow-origin: *");
        assertThat(response.body()).startsWith("{\"express\":\"4.");
        assertThat(connectionsOf(sandbox)).isEmpty();
    }

    @Test
    void aVersionTheTemplateDoesNotHoldIsFetchedAndInstalledAsAsked() {
        // express 4's tree has debug 2 at its top level; the app asks for debug 4.3.4 there
        Sandbox sandbox = create("{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"express\":\"^4\",\"debug\":\"4.3.4\"}}");

        ExecResult install = succeeded(sandbox, "npm install");

        assertThat(output(install)).contains(SEEDED + "express@4.");
        assertThat(version(sandbox, "debug")).isEqualTo("4.3.4");
        assertThat(version(sandbox, "express")).startsWith("4.");
        assertThat(succeeded(sandbox, "node -e \"console.log(require.resolve('debug', {paths:"
                + " [require.resolve('express')]}))\"").lastLines().get(0))
                .isEqualTo("/home/user/app/node_modules/express/node_modules/debug/src/index.js");
        succeeded(sandbox, "npm ls --all >/dev/null");
        assertThat(connectionsOf(sandbox)).contains(sandbox.id() + " registry.npmjs.org:443");
    }

    @Test
    void anExactVersionOtherThanTheTemplatesIsWhatGetsInstalled() {
        Sandbox sandbox = create("{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"express\":\"4.21.2\"}}");

        ExecResult install = succeeded(sandbox, "npm install");

        assertThat(output(install)).doesNotContain(SEEDED);
        assertThat(version(sandbox, "express")).isEqualTo("4.21.2");
        succeeded(sandbox, "npm ls --all >/dev/null");
    }

    @Test
    void whatTheInstallDoesNotWantIsRemoved() {
        // the seeder does not read the project's .npmrc, so it seeds the devDependency; npm must remove it
        Sandbox sandbox = create(Map.of(
                "package.json", "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                        + "\"dependencies\":{\"cors\":\"^2.8.5\"},\"devDependencies\":{\"express\":\"^4\"}}",
                ".npmrc", "omit=dev\n"));

        ExecResult install = succeeded(sandbox, "npm install");
        ExecResult left = succeeded(sandbox, "ls node_modules");

        assertThat(output(install)).contains(SEEDED + "express@4.", "cors@2.").contains("removed");
        assertThat(left.lastLines()).contains("cors", "object-assign", "vary").doesNotContain("express", "body-parser");
        succeeded(sandbox, "npm ls --omit=dev >/dev/null");
        assertThat(connectionsOf(sandbox)).isEmpty();
    }

    @Test
    void anExistingNodeModulesIsLeftToNpm() {
        Sandbox sandbox = create(EMPTY);
        succeeded(sandbox, "mkdir node_modules");

        ExecResult install = succeeded(sandbox, "npm install express@4");

        assertThat(output(install)).doesNotContain(SEEDED).contains("added");
        assertThat(version(sandbox, "express")).startsWith("4.");
        assertThat(connectionsOf(sandbox)).isEmpty();
    }

    @Test
    void whatAKilledInstallLeftBehindIsRemovedByTheNext() {
        Sandbox sandbox = create(EMPTY);
        // an install killed while seeding leaves its half-made tree beside node_modules, named after its pid
        // (one of a pid that no longer runs); one of a pid still running (another install) is left alone
        ExecResult left = succeeded(sandbox, "mkdir -p .node_modules.spawnai-4999999/express"
                + " && sleep 60 & mkdir .node_modules.spawnai-$! && npm install express@4 >/dev/null && ls -a");

        assertThat(left.lastLines()).contains("node_modules").doesNotContain(".node_modules.spawnai-4999999")
                .anyMatch(name -> name.startsWith(".node_modules.spawnai-"));
        assertThat(version(sandbox, "express")).startsWith("4.");
    }

    @Test
    void failedInstallsStillSayWhy() {
        Sandbox broken = create("{\"name\":\"app\",\"dependencies\":{\"express\":");
        Sandbox missing = create(EMPTY);

        ExecResult parse = run(broken, "npm install");
        ExecResult notFound = run(missing, "npm install express spawnai-no-such-package-4f1c");

        assertThat(parse.succeeded()).isFalse();
        assertThat(output(parse)).contains("spawnai: node_modules not seeded from the template:", "EJSONPARSE",
                "package.json");
        assertThat(notFound.succeeded()).isFalse();
        assertThat(output(notFound)).contains(SEEDED + "express@5.", "E404", "spawnai-no-such-package-4f1c");
    }

    @Test
    void npmReachesTheRegistryThroughTheProxyForWhatTheCacheLacks() {
        Sandbox sandbox = create(EMPTY);

        ExecResult install = run(sandbox, "npm install is-number@7.0.0 && npm ls is-number");

        assertThat(install.succeeded()).as(output(install)).isTrue();
        assertThat(listener.connections()).contains(sandbox.id() + " registry.npmjs.org:443");
    }

    @Test
    void npmCannotFetchFromARegistryThatIsNotAllowed() {
        Sandbox sandbox = create(EMPTY);

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
