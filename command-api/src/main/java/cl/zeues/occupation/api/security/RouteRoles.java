package cl.zeues.occupation.api.security;

/** The least role each API route needs; the chain's rules and its 403 answers both read it. */
final class RouteRoles {

  static final String CREDENTIALS = "/api/admin/credentials/**";
  static final String CREDENTIALS_ROOT = "/api/admin/credentials";
  static final String ADMIN = "/api/admin/**";

  private RouteRoles() {}

  static Role requiredFor(String path) {
    if (path.startsWith(CREDENTIALS_ROOT)) {
      return Role.ADMIN;
    }
    if (path.startsWith("/api/admin/") || path.equals("/api/admin")) {
      return Role.SUPERVISOR;
    }
    return Role.TABLET;
  }
}
