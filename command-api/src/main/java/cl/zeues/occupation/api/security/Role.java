package cl.zeues.occupation.api.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller's role; each role includes the ones below it (ADMIN > SUPERVISOR > TABLET). */
public enum Role {
  TABLET,
  SUPERVISOR,
  ADMIN;

  /** The Spring Security authorities of this role and every role it includes. */
  List<GrantedAuthority> authorities() {
    return java.util.Arrays.stream(values())
        .filter(r -> r.ordinal() <= ordinal())
        .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
        .toList();
  }
}
