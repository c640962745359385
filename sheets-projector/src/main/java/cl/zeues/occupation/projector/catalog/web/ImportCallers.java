package cl.zeues.occupation.projector.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may ask for a catalog import, and who they say they are: a peer on this machine, or the
 * command-api presenting the service token (compared in constant time) on behalf of the supervisor
 * named in {@code X-Zeues-Actor}.
 */
final class ImportCallers {

  static final String ACTOR_HEADER = "X-Zeues-Actor";
  private static final String BEARER = "Bearer ";
  private static final int MAX_ACTOR = 200;

  private final byte @Nullable [] serviceToken;

  ImportCallers(@Nullable String serviceToken) {
    this.serviceToken = serviceToken == null ? null : serviceToken.getBytes(StandardCharsets.UTF_8);
  }

  /** The caller's description when it may import; empty when it may not. */
  Optional<String> who(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (fromThisMachine(peer)) {
      return Optional.of("un operador en el host del proyector (" + peer + ")");
    }
    if (!presentsServiceToken(request.getHeader("Authorization"))) {
      return Optional.empty();
    }
    return Optional.of("la API a nombre de " + actor(request.getHeader(ACTOR_HEADER)));
  }

  private boolean presentsServiceToken(@Nullable String authorization) {
    if (serviceToken == null
        || authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] presented =
        authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, serviceToken);
  }

  private static String actor(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return "un supervisor sin nombre";
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(header, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = header;
    }
    String printable = decoded.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > MAX_ACTOR ? printable.substring(0, MAX_ACTOR) : printable;
  }

  /** A loopback peer. The servlet container gives the peer as an IP literal: no DNS lookup. */
  static boolean fromThisMachine(String remoteAddress) {
    try {
      return InetAddress.getByName(remoteAddress).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
