package cl.zeues.occupation.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain's 401 and 403 answers, as the problem details every other error is: {@code
 * CREDENCIAL_REQUERIDA} (no token), {@code CREDENCIAL_INVALIDA} (unknown or revoked token) and
 * {@code ROL_REQUERIDO} naming the role the route needs.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  SecurityProblems(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean invalid = e instanceof BadCredentialsException;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            invalid
                ? "La credencial no es válida o fue revocada"
                : "Falta Authorization: Bearer <token> (credencial del dispositivo)");
    problem.setProperty("code", invalid ? "CREDENCIAL_INVALIDA" : "CREDENCIAL_REQUERIDA");
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    write(request, response, problem);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Role needed = RouteRoles.requiredFor(request.getRequestURI());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Esta ruta requiere el rol " + needed + " o superior");
    problem.setProperty("code", "ROL_REQUERIDO");
    problem.setProperty("rol_requerido", needed.name());
    write(request, response, problem);
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
