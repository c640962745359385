package cl.zeues.occupation.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A not yet authenticated bearer token taken from {@code Authorization}. */
final class BearerToken extends AbstractAuthenticationToken {

  private final String token;

  BearerToken(String token) {
    super(List.of());
    this.token = token;
  }

  String token() {
    return token;
  }

  @Override
  public Object getCredentials() {
    return token;
  }

  @Override
  public Object getPrincipal() {
    return "bearer";
  }
}
