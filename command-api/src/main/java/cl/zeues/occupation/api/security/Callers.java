package cl.zeues.occupation.api.security;

import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The caller of the request being handled, as the security chain authenticated it. */
public final class Callers {

  private Callers() {}

  /** Empty when the request is anonymous (device credentials switched off) or not a request. */
  public static Optional<Caller> current() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return of(attrs.getRequest().getUserPrincipal());
    }
    return Optional.empty();
  }

  static Optional<Caller> of(@Nullable Principal principal) {
    return principal instanceof CallerAuthentication auth
        ? Optional.of(auth.getPrincipal())
        : Optional.empty();
  }
}
