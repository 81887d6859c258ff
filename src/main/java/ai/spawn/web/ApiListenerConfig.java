package ai.spawn.web;

import ai.spawn.validation.ValidationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The API listener's own limits: the request-body limit in front of every servlet, and Tomcat's protocol swapped
 * for one that caps connections per client address. Timeouts and the global cap are Tomcat's
 * ({@code server.tomcat.*}).
 */
@Configuration(proxyBeanMethods = false)
class ApiListenerConfig {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties api,
            ValidationProperties validation) {
        long limit = api.maxBody().toBytes();
        if (limit <= validation.maxBundleSize().toBytes()) {
            throw new IllegalStateException("spawnai.api.max-body (" + api.maxBody()
                    + ") is not above spawnai.validation.max-bundle-size (" + validation.maxBundleSize()
                    + "): the largest bundles could not be sent; raise spawnai.api.max-body");
        }
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> perClientConnectionCap(ApiProperties api) {
        return factory -> {
            factory.setProtocol(CappedHttp11NioProtocol.class.getName());
            factory.addProtocolHandlerCustomizers(handler -> {
                if (handler instanceof CappedHttp11NioProtocol capped) {
                    capped.setMaxConnectionsPerClient(api.maxConnectionsPerClient());
                }
            });
        };
    }
}
