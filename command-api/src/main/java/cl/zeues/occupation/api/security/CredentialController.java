package cl.zeues.occupation.api.security;

import cl.zeues.occupation.api.web.ApiProblemException;
import cl.zeues.occupation.api.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues, lists and revokes credentials (ADMIN only). A token is shown once, in the answer to its
 * issue. Rotation without downtime: issue a new credential, move the device to it, revoke the old.
 */
@RestController
@RequestMapping("/api/admin/credentials")
@Tag(name = "credentials", description = "Credenciales de dispositivos y personas (rol ADMIN)")
class CredentialController {

  private static final int MAX_NAME = 100;

  private final CredentialStore store;
  private final Clock clock;

  CredentialController(CredentialStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  record IssueRequest(@Nullable String name, @Nullable String role) {}

  /** A credential without its hash. */
  record CredentialView(
      String id,
      String name,
      Role role,
      @JsonProperty("issued_at") Instant issuedAt,
      boolean revoked) {
    static CredentialView of(Credential c) {
      return new CredentialView(c.id().toString(), c.name(), c.role(), c.issuedAt(), c.revoked());
    }
  }

  record Issued(String id, String name, Role role, String token) {}

  @Operation(
      summary = "Emite una credencial; el token se muestra solo esta vez",
      security = @SecurityRequirement(name = "bearer"))
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Issued issue(@RequestBody IssueRequest body) {
    String name = body.name() == null ? "" : body.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new InvalidRequestException("name", "debe tener entre 1 y " + MAX_NAME + " caracteres");
    }
    Role role;
    try {
      role = Role.valueOf(body.role() == null ? "" : body.role());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("role", "debe ser TABLET, SUPERVISOR o ADMIN");
    }
    String token = Tokens.newToken();
    Credential credential =
        new Credential(UUID.randomUUID(), name, role, Tokens.hash(token), clock.instant(), false);
    store.save(credential);
    return new Issued(credential.id().toString(), name, role, token);
  }

  @Operation(
      summary = "Lista las credenciales (sin tokens ni hashes)",
      security = @SecurityRequirement(name = "bearer"))
  @GetMapping
  List<CredentialView> list() {
    return store.all().stream()
        .sorted(Comparator.comparing(Credential::issuedAt))
        .map(CredentialView::of)
        .toList();
  }

  @Operation(
      summary = "Revoca una credencial: deja de valer en segundos en toda instancia",
      security = @SecurityRequirement(name = "bearer"))
  @PostMapping("/{id}/revoke")
  CredentialView revoke(@PathVariable("id") String id) {
    Credential credential =
        store.all().stream()
            .filter(c -> c.id().toString().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiProblemException(
                        HttpStatus.NOT_FOUND,
                        "CREDENCIAL_NO_ENCONTRADA",
                        "No hay una credencial con id " + id));
    Credential revoked = credential.revoke();
    store.save(revoked);
    return CredentialView.of(revoked);
  }
}
