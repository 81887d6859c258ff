package ai.spawn.egress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

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
}
