package ai.spawn.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts session authentication in front of the API, except where a session is created. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final SessionAuth sessionAuth;

    WebConfig(SessionAuth sessionAuth) {
        this.sessionAuth = sessionAuth;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(sessionAuth).addPathPatterns("/api/v1/**")
                .excludePathPatterns("/api/v1/sessions", "/api/v1/examples", "/api/v1/openapi.json", "/api/v1/openapi.json/**",
                        "/api/v1/docs", "/api/v1/swagger-ui/**",
                        "/api/v1/docs/**");
    }
}
