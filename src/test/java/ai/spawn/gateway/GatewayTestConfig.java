package ai.spawn.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The gateway as the application wires it, with a hand-fed route table and a recording traffic listener. Active
 * only in the gateway's own tests ({@code spawnai.test.gateway-only=true}), so that full-application tests that
 * scan this package do not pick it up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spawnai.test.gateway-only")
@Import(GatewayConfiguration.class)
class GatewayTestConfig {

    @Bean
    MapRouteResolver routeResolver() {
        return new MapRouteResolver();
    }

    @Bean
    RecordingTrafficListener recordingTrafficListener() {
        return new RecordingTrafficListener();
    }
}
