package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProperties;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.EgressListener;
import ai.spawn.egress.HostResolver;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.TemplateProperties;
import ai.spawn.security.SecurityEvent;
import ai.spawn.egress.UnixHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ExecEnvironmentTest {

    @TempDir
    Path dir;

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    private final EgressProxy proxy = new EgressProxy(EgressProperties.defaults(), HostResolver.system(),
            EgressListener.NONE);

    @AfterEach
    void close() {
        proxy.close();
    }

    private SandboxDirs dirs() throws Exception {
        Path root = Files.createDirectories(dir.resolve("sandboxes/sbx-abcdefghij"));
        return new SandboxDirs(root, root.resolve("workspace"), root.resolve("run"));
    }

    private LocalTemplates builtNodeTemplate() throws Exception {
        return builtNodeTemplate(false, true);
    }

    /** A node template directory as a build leaves it, with or without installed trees. */
    private LocalTemplates builtNodeTemplate(boolean trees, boolean seed) throws Exception {
        TemplateProperties properties = new TemplateProperties(false, java.time.Duration.ofMinutes(1), 0,
                new TemplateProperties.Node(List.of("express"), seed), new TemplateProperties.Python(List.of()));
        Path root = dir.resolve("templates");
        LocalTemplates templates = new LocalTemplates(root, properties, new TemplateBuild(null, null));
        Path version = root.resolve(TemplateDefinition.all(properties).get(0).directoryName());
        Files.createDirectories(version);
        Files.writeString(version.resolve("npmrc"), TemplateDefinition.NPMRC);
        if (trees) {
            Files.createDirectories(version.resolve("trees/1/node_modules"));
            Files.createDirectories(version.resolve("bin"));
            Files.writeString(version.resolve("bin/npm"), "");
        }
        return templates;
    }

    private static SandboxSpec spec(String template) {
        return new SandboxSpec("app", template, SandboxLimits.defaults(), Map.of("PORT", "3000",
                "HTTPS_PROXY", "http://evil:1"));
    }

    @Test
    void aNodeInstallGetsTheTemplateTheCacheAndTheProxy() throws Exception {
        LocalTemplates templates = builtNodeTemplate();
        SandboxDirs dirs = dirs();

        try (ExecEnvironment.Prepared prepared = new ExecEnvironment(new EgressLeases(proxy, 10001, events::add, java.time.Clock.systemUTC()), templates, null)
                .prepare("sbx-abcdefghij", spec("node"), dirs, "npm install")) {
            Path socket = dirs.root().resolve("egress/proxy.sock");
            assertThat(socket).exists();
            assertThat(Files.getAttribute(socket, "unix:uid")).isEqualTo(10001);
            assertThat(Collections.indexOfSubList(prepared.mounts(), List.of("--bind",
                    dirs.root().resolve("egress").toString(), "/run/egress"))).isNotNegative();
            assertThat(prepared.mounts()).contains("/opt/template");
            assertThat(prepared.env()).containsEntry("PORT", "3000")
                    .containsEntry("HTTPS_PROXY", "http://127.0.0.1:3128")
                    .containsEntry("https_proxy", "http://127.0.0.1:3128")
                    .containsEntry("npm_config_https_proxy", "http://127.0.0.1:3128")
                    .containsEntry("npm_config_cache", "/tmp/npm-cache")
                    .containsEntry("npm_config_prefer_offline", "true")
                    .containsEntry("npm_config_userconfig", "/opt/template/npmrc");
            assertThat(prepared.command()).containsExactly("/bin/sh", "-c", ExecEnvironment.WRAPPER,
                    "spawnai-exec", "npm install");
        }
        assertThat(dirs.root().resolve("egress/proxy.sock")).doesNotExist();
    }

    @Test
    void withInstalledTreesAnInstallFindsTheTemplatesNpmFirst() throws Exception {
        SandboxSpec withOwnPath = new SandboxSpec("app", "node", SandboxLimits.defaults(),
                Map.of("PATH", "/home/user/app/bin:/usr/bin"));

        try (ExecEnvironment.Prepared plain = new ExecEnvironment(null, builtNodeTemplate(true, true), null)
                .prepare("sbx-abcdefghij", spec("node"), dirs(), "npm install");
             ExecEnvironment.Prepared own = new ExecEnvironment(null, builtNodeTemplate(true, true), null)
                .prepare("sbx-abcdefghij", withOwnPath, dirs(), "npm install")) {
            assertThat(plain.env()).containsEntry("PATH", "/opt/template/bin:/usr/local/bin:/usr/bin:/bin")
                    .containsEntry("SPAWNAI_NPM_TREES", "/opt/template/trees");
            assertThat(own.env()).containsEntry("PATH", "/opt/template/bin:/home/user/app/bin:/usr/bin");
        }
    }

    @Test
    void withoutTreesOrWithSeedingOffNpmIsTheHostsOwn() throws Exception {
        try (ExecEnvironment.Prepared noTrees = new ExecEnvironment(null, builtNodeTemplate(false, true), null)
                .prepare("sbx-abcdefghij", spec("node"), dirs(), "npm install")) {
            assertThat(noTrees.env()).doesNotContainKeys("PATH", "SPAWNAI_NPM_TREES");
        }
        try (ExecEnvironment.Prepared off = new ExecEnvironment(null, builtNodeTemplate(true, false), null)
                .prepare("sbx-abcdefghij", spec("node"), dirs(), "npm install")) {
            assertThat(off.env()).doesNotContainKeys("PATH", "SPAWNAI_NPM_TREES")
                    .containsEntry("npm_config_cache", "/tmp/npm-cache");
        }
    }

    @Test
    void concurrentInstallsShareOneSocketUntilTheLastEnds() throws Exception {
        ExecEnvironment environment = new ExecEnvironment(new EgressLeases(proxy, 10001, events::add, java.time.Clock.systemUTC()), null, null);
        SandboxDirs dirs = dirs();
        Path socket = dirs.root().resolve("egress/proxy.sock");

        ExecEnvironment.Prepared first = environment.prepare("sbx-abcdefghij", spec("node"), dirs, "a");
        ExecEnvironment.Prepared second = environment.prepare("sbx-abcdefghij", spec("node"), dirs, "b");
        first.close();
        assertThat(socket).exists();
        second.close();

        assertThat(socket).doesNotExist();
    }

    @Test
    void withoutEgressOrTemplatesAnInstallGetsNeither() throws Exception {
        try (ExecEnvironment.Prepared prepared = new ExecEnvironment(null, null, null)
                .prepare("sbx-abcdefghij", spec("static"), dirs(), "true")) {
            assertThat(prepared.mounts()).isEmpty();
            assertThat(prepared.env()).isEqualTo(spec("static").env());
        }
    }

    @Test
    void theWrapperSeedsTheCacheAndWaitsForTheForwarder() {
        assertThat(ExecEnvironment.WRAPPER)
                .contains("cp -rs \"$T/content-v2\"", "cp -r \"$T/index-v5\"")
                .contains("socat TCP-LISTEN:3128,bind=127.0.0.1,fork,reuseaddr,nodelay UNIX-CONNECT:/run/egress/proxy.sock")
                .contains(":0C38 00000000:0000 0A")
                .endsWith("exec /bin/sh -c \"$1\"\n");
    }

    @Test
    void aRefusalOnTheSocketIsASecurityEventOfTheApp() throws Exception {
        SandboxDirs dirs = dirs();
        try (ExecEnvironment.Prepared prepared = new ExecEnvironment(new EgressLeases(proxy, 10001, events::add,
                java.time.Clock.systemUTC()), null, null).prepare("sbx-abcdefghij", spec("node"), dirs, "true");
             UnixHttp client = new UnixHttp(dirs.root().resolve("egress/proxy.sock"))) {
            assertThat(client.send("CONNECT evil.example:443 HTTP/1.1\r\n\r\n").readToEnd()).startsWith("HTTP/1.1 403");
        }

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.appId()).isEqualTo("app");
            assertThat(e.sandboxId()).isEqualTo("sbx-abcdefghij");
            assertThat(e.kind()).isEqualTo(SecurityEvent.EGRESS_REFUSED);
            assertThat(e.detail()).contains("evil.example:443", "host not allowed");
        });
    }
}
