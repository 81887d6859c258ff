package ai.spawn.egress;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link EgressProxy} unless {@code spawnai.egress.enabled=false}. Every {@link EgressListener} bean
 * hears about refusals and connections (and {@link EgressMetrics} counts them when there is a meter registry); a
 * {@link HostResolver} bean replaces the system resolver.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgressProperties.class)
class EgressConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EgressConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "spawnai.egress", name = "enabled", havingValue = "true", matchIfMissing = true)
    EgressProxy egressProxy(EgressProperties properties, ObjectProvider<HostResolver> resolver,
                            ObjectProvider<EgressListener> listeners, ObjectProvider<MeterRegistry> meters) {
        List<EgressListener> all = new ArrayList<>(listeners.orderedStream().toList());
        meters.ifAvailable(registry -> all.add(new EgressMetrics(registry)));
        return new EgressProxy(properties, resolver.getIfAvailable(HostResolver::system), composite(all));
    }

    private static EgressListener composite(List<EgressListener> listeners) {
        if (listeners.isEmpty()) {
            return EgressListener.NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        return new EgressListener() {
            @Override
            public void refused(String sandboxId, String host, int port, String reason) {
                each(l -> l.refused(sandboxId, host, port, reason));
            }

            @Override
            public void connected(String sandboxId, String host, int port) {
                each(l -> l.connected(sandboxId, host, port));
            }

            private void each(Consumer<EgressListener> call) {
                for (EgressListener listener : listeners) {
                    try {
                        call.accept(listener);
                    } catch (RuntimeException e) {
                        log.warn("egress listener {} failed", listener, e);
                    }
                }
            }
        };
    }
}
