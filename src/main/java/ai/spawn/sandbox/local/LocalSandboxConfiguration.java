package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxCapacityProperties;
import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.security.SecurityEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Registers the {@code local} provider when {@code spawnai.sandbox.provider=local} (the default). Start-up fails
 * with a message saying how to fix the host when bubblewrap, setpriv, socat, root or cgroups are missing. The limits
 * sandboxes hit are recorded through the {@link SecurityEvents} bean when there is one (else only logged).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spawnai.sandbox", name = "provider", havingValue = "local", matchIfMissing = true)
@EnableConfigurationProperties(SandboxCapacityProperties.class)
class LocalSandboxConfiguration {

    @Bean(destroyMethod = "close")
    BubblewrapSandboxProvider bubblewrapSandboxProvider(SandboxProperties properties,
                                                         SandboxCapacityProperties capacity,
                                                         @Value("${spawnai.data-dir:./data}") Path dataDir,
                                                         ObjectProvider<SecurityEvents> securityEvents) {
        SecurityEvents events = securityEvents.getIfAvailable();
        CapacitySettings settings = new CapacitySettings(capacity.poolSize(), capacity.poolTemplates(),
                properties.limits(), capacity.maxLive(), capacity.memoryHeadroom().toBytes());
        return events == null ? BubblewrapSandboxProvider.open(dataDir, properties.uid(), settings)
                : BubblewrapSandboxProvider.open(dataDir, properties.uid(), events::record, settings);
    }
}
