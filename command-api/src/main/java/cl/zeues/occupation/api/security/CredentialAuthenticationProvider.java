package cl.zeues.occupation.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Authenticates a {@link BearerToken}: the bootstrap admin token, else a credential found by the
 * token's hash that is not revoked.
 */
final class CredentialAuthenticationProvider implements AuthenticationProvider {

  static final String BOOTSTRAP_ID = "bootstrap-admin";

  /** The name events record for the bootstrap admin token (as the old shared token did). */
  static final String BOOTSTRAP_NAME = "admin";

  private final CredentialStore store;
  private final Optional<byte[]> bootstrapToken;

  CredentialAuthenticationProvider(CredentialStore store, Optional<String> bootstrapToken) {
    this.store = store;
    this.bootstrapToken = bootstrapToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerToken) authentication).token();
    if (bootstrapToken.isPresent()
        && MessageDigest.isEqual(bootstrapToken.get(), token.getBytes(StandardCharsets.UTF_8))) {
      return new CallerAuthentication(new Caller(BOOTSTRAP_ID, BOOTSTRAP_NAME, Role.ADMIN));
    }
    Credential credential =
        store
            .findByTokenHash(Tokens.hash(token))
            .filter(c -> !c.revoked())
            .orElseThrow(() -> new BadCredentialsException("unknown or revoked credential"));
    return new CallerAuthentication(credential.caller());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerToken.class.isAssignableFrom(authentication);
  }
}
