package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class GatewayPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void bindsTheDocumentedDefaults() {
        runner.run(context -> assertThat(context.getBean(GatewayProperties.class))
                .isEqualTo(GatewayProperties.defaults()));
    }

    @Test
    void bindsOverrides() {
        runner.withPropertyValues("spawnai.gateway.port=9090", "spawnai.gateway.domain=apps.example.com",
                        "spawnai.gateway.public-port=443", "spawnai.gateway.scheme=https",
                        "spawnai.gateway.max-body=1MB", "spawnai.gateway.max-connections-per-app=8")
                .run(context -> {
                    GatewayProperties properties = context.getBean(GatewayProperties.class);
                    assertThat(properties.port()).isEqualTo(9090);
                    assertThat(properties.domain()).isEqualTo("apps.example.com");
                    assertThat(properties.publicPort()).isEqualTo(443);
                    assertThat(properties.scheme()).isEqualTo("https");
                    assertThat(properties.maxBody()).isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(properties.maxConnectionsPerApp()).isEqualTo(8);
                });
    }

    @Test
    void rejectsInvalidValues() {
        runner.withPropertyValues("spawnai.gateway.scheme=ftp")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("spawnai.gateway.domain=Not A Domain")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class PropertiesOnly {
    }
}
