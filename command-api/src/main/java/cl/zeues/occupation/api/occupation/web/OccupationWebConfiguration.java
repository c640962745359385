package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.ApiSettings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards the admin routes and describes the API for OpenAPI / Swagger UI. */
@Configuration(proxyBeanMethods = false)
public class OccupationWebConfiguration implements WebMvcConfigurer {

  private final ApiSettings settings;

  public OccupationWebConfiguration(ApiSettings settings) {
    this.settings = settings;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AdminTokenInterceptor(settings)).addPathPatterns("/api/admin/**");
  }

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
                    "admin-token",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
  }
}
