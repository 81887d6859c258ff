package ai.spawn.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TemplateProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void anEmptyEnvironmentBindsTheDefaults() {
        runner.run(context -> assertThat(context.getBean(TemplateProperties.class))
                .isEqualTo(TemplateProperties.defaults()));
        assertThat(TemplateProperties.defaults().node().packages()).contains("express@4", "express@5", "cors")
                .doesNotContain("better-sqlite3");
        assertThat(TemplateProperties.defaults().python().packages()).isEmpty();
    }

    @Test
    void bindsPackageListsPerTemplate() {
        runner.withPropertyValues("spawnai.templates.lazy-build=false", "spawnai.templates.build-timeout=1m", "spawnai.templates.install-cpu=1.5",
                "spawnai.templates.node.packages=express,zod", "spawnai.templates.node.seed-node-modules=false", "spawnai.templates.python.packages=flask==3.0.3")
                .run(context -> assertThat(context.getBean(TemplateProperties.class)).isEqualTo(
                        new TemplateProperties(false, Duration.ofMinutes(1), 1.5,
                                new TemplateProperties.Node(List.of("express", "zod"), false),
                                new TemplateProperties.Python(List.of("flask==3.0.3")))));
    }
}
