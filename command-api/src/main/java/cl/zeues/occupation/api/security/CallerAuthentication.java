package cl.zeues.occupation.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link Caller}; also the request's {@code getUserPrincipal()}. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;

  public CallerAuthentication(Caller caller) {
    super(caller.role().authorities());
    this.caller = caller;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public String getName() {
    return caller.name();
  }
}
