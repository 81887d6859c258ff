package ai.spawn.egress;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EgressPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EgressProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void anEmptyEnvironmentBindsTheDefaults() {
        runner.run(context -> assertThat(context.getBean(EgressProperties.class))
                .isEqualTo(EgressProperties.defaults()));
    }

    @Test
    void bindsHostsAndPorts() {
        runner.withPropertyValues("spawnai.egress.allowed-hosts=registry.npmjs.org,*.example.org",
                "spawnai.egress.connect-ports=443,8443").run(context -> {
                    EgressProperties p = context.getBean(EgressProperties.class);
                    assertThat(p.allowedHosts()).containsExactly("registry.npmjs.org", "*.example.org");
                    assertThat(p.connectPorts()).isEqualTo(Set.of(443, 8443));
                    assertThat(p.httpPorts()).isEqualTo(Set.of(80));
                });
    }

    @Test
    void theConfigurationRegistersAProxyUnlessDisabled() {
        ApplicationContextRunner withConfig = new ApplicationContextRunner()
                .withUserConfiguration(EgressConfiguration.class);

        withConfig.run(context -> assertThat(context).hasSingleBean(EgressProxy.class));
        withConfig.withPropertyValues("spawnai.egress.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EgressProxy.class));
    }

    @Test
    void listenerBeansHearRefusalsAndTheMeterRegistryCountsThem(@TempDir Path dir) {
        RecordingEgressListener recording = new RecordingEgressListener();
        new ApplicationContextRunner().withUserConfiguration(EgressConfiguration.class)
                .withBean(RecordingEgressListener.class, () -> recording)
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    EgressSocket socket = context.getBean(EgressProxy.class).listen("sbx-x", dir.resolve("p.sock"));
                    try (UnixHttp client = new UnixHttp(socket.path())) {
                        assertThat(client.send("CONNECT example.com:443 HTTP/1.1\r\n\r\n").readToEnd())
                                .startsWith("HTTP/1.1 403");
                    }
                    assertThat(recording.refusals()).extracting(RecordingEgressListener.Refusal::host)
                            .containsExactly("example.com");
                    assertThat(context.getBean(SimpleMeterRegistry.class).counter("spawnai.egress.refused").count())
                            .isEqualTo(1.0);
                });
    }
}
