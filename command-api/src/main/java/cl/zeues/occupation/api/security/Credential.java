package cl.zeues.occupation.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One caller credential as the compacted {@code security.credentials} topic holds it, keyed by
 * {@code tokenHash}. The token itself is shown once, at issue, and never stored.
 *
 * @param tokenHash lowercase hex SHA-256 of the bearer token
 */
public record Credential(
    UUID id, String name, Role role, String tokenHash, Instant issuedAt, boolean revoked) {

  public Credential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  Credential revoke() {
    return new Credential(id, name, role, tokenHash, issuedAt, true);
  }

  Caller caller() {
    return new Caller(id.toString(), name, role);
  }
}
