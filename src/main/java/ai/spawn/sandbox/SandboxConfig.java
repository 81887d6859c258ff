package ai.spawn.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default limits every new sandbox gets, from {@code spawnai.sandbox.*}. */
@Configuration(proxyBeanMethods = false)
class SandboxConfig {

    @Bean
    SandboxLimits sandboxLimits(SandboxProperties properties) {
        return properties.limits();
    }
}
