package ai.spawn.gateway;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@link GatewayServer} from {@link GatewayProperties}, the {@link RouteResolver} and traffic listeners
 * (among them {@link AppActivity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    GatewayServer gatewayServer(GatewayProperties properties, ObjectProvider<RouteResolver> resolver,
                                ObjectProvider<GatewayTrafficListener> listeners) {
        RouteResolver routes = resolver.getIfAvailable(() -> {
            log.warn("No RouteResolver bean: the gateway answers 404 for every app");
            return (appId, port) -> new Route.Unknown();
        });
        return new GatewayServer(properties, routes, composite(listeners.orderedStream().toList()));
    }

    @Bean
    AppActivity appActivity(ObjectProvider<Clock> clock) {
        return new AppActivity(clock.getIfAvailable(Clock::systemUTC));
    }

    private static GatewayTrafficListener composite(List<GatewayTrafficListener> listeners) {
        if (listeners.isEmpty()) {
            return GatewayTrafficListener.NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        return new GatewayTrafficListener() {
            @Override
            public void onRequest(String appId, int port) {
                listeners.forEach(listener -> listener.onRequest(appId, port));
            }

            @Override
            public void onBytes(String appId, long bytesIn, long bytesOut) {
                listeners.forEach(listener -> listener.onBytes(appId, bytesIn, bytesOut));
            }
        };
    }
}
