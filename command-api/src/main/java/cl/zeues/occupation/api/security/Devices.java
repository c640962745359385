package cl.zeues.occupation.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Which device a request comes from, as the limits count it: its credential when it carries one,
 * else (device credentials off, or no credential yet) its remote address. Behind a proxy the remote
 * address is the proxy's unless {@code server.forward-headers-strategy} is set.
 */
public final class Devices {

  private Devices() {}

  public static String of(HttpServletRequest request) {
    Optional<Caller> caller = Callers.of(request.getUserPrincipal());
    return caller.isPresent()
        ? "credential:" + caller.get().id()
        : "address:" + request.getRemoteAddr();
  }

  /** The device of the request being handled ({@code "none"} outside a request). */
  public static String current() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return of(attrs.getRequest());
    }
    return "none";
  }

  /** Whether the request carries the bootstrap admin token (an operator's, not a device's). */
  static boolean isBootstrap(HttpServletRequest request) {
    return Callers.of(request.getUserPrincipal())
        .filter(c -> c.id().equals(CredentialAuthenticationProvider.BOOTSTRAP_ID))
        .isPresent();
  }
}
