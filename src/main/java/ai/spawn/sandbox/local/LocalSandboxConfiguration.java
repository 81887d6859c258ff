package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProxy;
import ai.spawn.sandbox.SandboxCapacityProperties;
import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxTemplates;
import ai.spawn.sandbox.TemplateProperties;
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
 * sandboxes hit are recorded through the {@link SecurityEvents} bean when there is one (else only logged). Install
 * commands reach registries through the {@link EgressProxy} bean when there is one, and get the templates
 * ({@link SandboxTemplates}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spawnai.sandbox", name = "provider", havingValue = "local", matchIfMissing = true)
@EnableConfigurationProperties({SandboxCapacityProperties.class, TemplateProperties.class})
class LocalSandboxConfiguration {

    @Bean(destroyMethod = "close")
    BubblewrapSandboxProvider bubblewrapSandboxProvider(SandboxProperties properties,
                                                         SandboxCapacityProperties capacity,
                                                         @Value("${spawnai.data-dir:./data}") Path dataDir,
                                                         ObjectProvider<SecurityEvents> securityEvents,
                                                         ObjectProvider<EgressProxy> egress,
                                                         TemplateProperties templates) {
        SecurityEvents events = securityEvents.getIfAvailable();
        CapacitySettings settings = new CapacitySettings(capacity.poolSize(), capacity.poolTemplates(),
                properties.limits(), capacity.maxLive(), capacity.memoryHeadroom().toBytes());
        BubblewrapSandboxProvider.Installs installs =
                new BubblewrapSandboxProvider.Installs(egress.getIfAvailable(), templates);
        return BubblewrapSandboxProvider.open(dataDir, properties.uid(),
                events == null ? BubblewrapSandboxProvider::logEvent : events::record, settings, installs,
                properties.workspace());
    }

    @Bean
    SandboxTemplates sandboxTemplates(BubblewrapSandboxProvider provider) {
        return provider.templates();
    }
}
