package cl.zeues.occupation.api.occupation.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API for OpenAPI / Swagger UI. */
@Configuration(proxyBeanMethods = false)
public class OccupationWebConfiguration {

  @Bean
  OpenAPI occupationOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("ZEUES Occupation command API")
                .version("v1")
                .description(
                    "Quién tiene qué spool. Errores: RFC 9457 problem details con `code`."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
  }
}
