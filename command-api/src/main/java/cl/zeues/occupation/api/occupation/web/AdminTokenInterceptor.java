package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.api.web.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits admin requests carrying {@code Authorization: Bearer <zeues.api.admin-token>}. Runs before
 * the body is read, so an unauthenticated caller learns nothing from validation errors. With no
 * token configured every admin request is refused.
 */
class AdminTokenInterceptor implements HandlerInterceptor {

  private static final String BEARER = "Bearer ";

  private final ApiSettings settings;

  AdminTokenInterceptor(ApiSettings settings) {
    this.settings = settings;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String token = settings.adminToken();
    if (token == null || token.isBlank()) {
      throw new ApiProblemException(
          HttpStatus.FORBIDDEN,
          "ADMIN_DESHABILITADO",
          "La administración está deshabilitada: no hay zeues.api.admin-token configurado");
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiProblemException(
          HttpStatus.UNAUTHORIZED, "TOKEN_REQUERIDO", "Falta Authorization: Bearer <token>");
    }
    byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiProblemException(
          HttpStatus.FORBIDDEN, "TOKEN_INVALIDO", "El token de administrador no es válido");
    }
    return true;
  }
}
