package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The local provider is the default and starts on this host (root, bubblewrap, cgroups). */
class LocalSandboxConfigurationIT {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    static class Properties {
    }

    @Test
    void registersTheLocalProviderByDefault() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, LocalSandboxConfiguration.class)
                .withPropertyValues("spawnai.data-dir=target/configuration-it")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SandboxProvider.class);
                    assertThat(context.getBean(SandboxProvider.class).name()).isEqualTo("local");
                });
    }
}
