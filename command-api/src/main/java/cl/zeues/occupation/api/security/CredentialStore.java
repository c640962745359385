package cl.zeues.occupation.api.security;

import java.util.Collection;
import java.util.Optional;

/** Where credentials live (the compacted {@code security.credentials} topic in production). */
public interface CredentialStore {

  /** The credential whose token hashes to {@code tokenHash}, revoked or not. */
  Optional<Credential> findByTokenHash(String tokenHash);

  /** Every credential known now. */
  Collection<Credential> all();

  /** Publishes {@code credential} (new or revoked); returns once it is durably written. */
  void save(Credential credential);
}
