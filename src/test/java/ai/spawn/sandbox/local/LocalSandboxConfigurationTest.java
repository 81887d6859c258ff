package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSandboxConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    static class Properties {
    }

    @Test
    void registersNothingForAnotherProvider() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, LocalSandboxConfiguration.class)
                .withPropertyValues("spawnai.sandbox.provider=e2b")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SandboxProvider.class));
    }
}
