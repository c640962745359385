package cl.zeues.occupation.api.security;

import cl.zeues.occupation.api.web.ApiProblemException;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a device's request over its budget ({@code zeues.security.rate-limit.requests} per {@code
 * period}) with 429 {@code DEMASIADAS_SOLICITUDES} and {@code Retry-After}, before it is authorized
 * or handled. The bootstrap admin token (the operator's tools) is not limited.
 */
final class RequestRateLimitFilter extends OncePerRequestFilter {

  static final String CODE = "DEMASIADAS_SOLICITUDES";

  private final DeviceRateLimiters limiters;
  private final HandlerExceptionResolver problems;
  private final Counter limited;

  RequestRateLimitFilter(
      DeviceRateLimiters limiters, HandlerExceptionResolver problems, Counter limited) {
    this.limiters = limiters;
    this.problems = problems;
    this.limited = limited;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (Devices.isBootstrap(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Duration> wait = limiters.acquire(Devices.of(request));
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    limited.increment();
    problems.resolveException(
        request,
        response,
        null,
        new ApiProblemException(
            HttpStatus.TOO_MANY_REQUESTS,
            CODE,
            "Demasiadas solicitudes desde este dispositivo; reintente en "
                + ApiProblemException.retryAfterSecondsOf(wait.get())
                + " s",
            wait.get()));
  }
}
