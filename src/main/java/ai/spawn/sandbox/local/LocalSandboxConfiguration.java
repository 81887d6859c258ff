package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProxy;
import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxTemplates;
import ai.spawn.sandbox.TemplateProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Registers the {@code local} provider when {@code spawnai.sandbox.provider=local} (the default). Start-up fails
 * with a message saying how to fix the host when bubblewrap, setpriv, socat, root or cgroups are missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spawnai.sandbox", name = "provider", havingValue = "local", matchIfMissing = true)
@EnableConfigurationProperties(TemplateProperties.class)
class LocalSandboxConfiguration {

    @Bean(destroyMethod = "close")
    BubblewrapSandboxProvider bubblewrapSandboxProvider(SandboxProperties properties,
                                                         @Value("${spawnai.data-dir:./data}") Path dataDir,
                                                         ObjectProvider<EgressProxy> egress,
                                                         TemplateProperties templates) {
        return BubblewrapSandboxProvider.open(dataDir, properties.uid(),
                new BubblewrapSandboxProvider.Installs(egress.getIfAvailable(), templates));
    }

    @Bean
    SandboxTemplates sandboxTemplates(BubblewrapSandboxProvider provider) {
        return provider.templates();
    }
}
