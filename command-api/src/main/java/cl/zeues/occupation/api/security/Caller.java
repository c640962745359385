package cl.zeues.occupation.api.security;

/**
 * The authenticated caller of a request: a device (tablet) or a person's credential.
 *
 * @param id stable id (the credential id; {@value CredentialAuthenticationProvider#BOOTSTRAP_ID}
 *     for the bootstrap admin token); scopes idempotency keys
 * @param name what events record as the acting party
 */
public record Caller(String id, String name, Role role) {}
