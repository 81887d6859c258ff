package ai.spawn.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The gateway as the application wires it, with a hand-fed route table and a recording traffic listener. */
@TestConfiguration(proxyBeanMethods = false)
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
