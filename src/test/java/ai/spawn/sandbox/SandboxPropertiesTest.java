package ai.spawn.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void defaultsMatchTheDefaultLimits() {
        runner.run(context -> {
            SandboxProperties properties = context.getBean(SandboxProperties.class);
            assertThat(properties.provider()).isEqualTo("local");
            assertThat(properties.uid()).isEqualTo(10001);
            assertThat(properties.limits()).isEqualTo(SandboxLimits.defaults());
        });
    }

    @Test
    void bindsLimits() {
        runner.withPropertyValues("spawnai.sandbox.memory=1GB", "spawnai.sandbox.pids=64",
                "spawnai.sandbox.cpu=1.5", "spawnai.sandbox.disk=2GB").run(context -> {
                    SandboxLimits limits = context.getBean(SandboxProperties.class).limits();
                    assertThat(limits).isEqualTo(
                            new SandboxLimits(DataSize.ofGigabytes(1), 64, 1500, DataSize.ofGigabytes(2)));
                });
    }

    @Test
    void bindsTheOpenFilesLimit() {
        runner.withPropertyValues("spawnai.sandbox.open-files=4096").run(context ->
                assertThat(context.getBean(SandboxProperties.class).limits().openFiles()).isEqualTo(4096));
        runner.withPropertyValues("spawnai.sandbox.open-files=8").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void rejectsRootAsTheSandboxUid() {
        runner.withPropertyValues("spawnai.sandbox.uid=0").run(context ->
                assertThat(context).hasFailed());
    }
}
