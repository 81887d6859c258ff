package ai.spawn.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, description and the bearer-token scheme of the OpenAPI document at {@code /api/v1/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI spawnAiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SpawnAI API").version("v1").description("""
                        Describe an app, get it running. Create a session with POST /api/v1/sessions, then send
                        its token as `Authorization: Bearer <token>`. Errors are RFC 7807 problem details."""))
                .components(new Components().addSecuritySchemes("session", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
