package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProxy;
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
@EnableConfigurationProperties(TemplateProperties.class)
class LocalSandboxConfiguration {

    @Bean(destroyMethod = "close")
    BubblewrapSandboxProvider bubblewrapSandboxProvider(SandboxProperties properties,
                                                         @Value("${spawnai.data-dir:./data}") Path dataDir,
                                                         ObjectProvider<SecurityEvents> securityEvents,
                                                         ObjectProvider<EgressProxy> egress,
                                                         TemplateProperties templates) {
        SecurityEvents events = securityEvents.getIfAvailable();
        BubblewrapSandboxProvider.Installs installs =
                new BubblewrapSandboxProvider.Installs(egress.getIfAvailable(), templates);
        return events == null ? BubblewrapSandboxProvider.open(dataDir, properties.uid(), installs)
                : BubblewrapSandboxProvider.open(dataDir, properties.uid(), events::record, installs);
    }

    @Bean
    SandboxTemplates sandboxTemplates(BubblewrapSandboxProvider provider) {
        return provider.templates();
    }
}
