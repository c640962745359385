package cl.zeues.occupation.api.security;

import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Credentials on the compacted {@code security.credentials} topic, keyed by token hash and held in
 * memory by every instance: an issue or a revocation on one instance reaches the others within a
 * poll. A token not found yet makes the view catch up with the topic (boundedly) before it is
 * refused, so a credential issued a moment ago through another instance works at once.
 */
final class KafkaCredentialStore implements CredentialStore, SmartLifecycle {

  private final CompactedTopicView<Credential> view;
  private final Admin admin;
  private final KafkaTemplate<String, byte[]> template;
  private final JsonCodec codec;
  private final Duration publishTimeout;

  /** Owns {@code admin} (the view's end-offset lookups) and closes it on stop. */
  KafkaCredentialStore(
      CompactedTopicView<Credential> view,
      Admin admin,
      KafkaTemplate<String, byte[]> template,
      JsonCodec codec,
      Duration publishTimeout) {
    this.view = view;
    this.admin = admin;
    this.template = template;
    this.codec = codec;
    this.publishTimeout = publishTimeout;
  }

  @Override
  public Optional<Credential> findByTokenHash(String tokenHash) {
    return view.find(tokenHash);
  }

  @Override
  public Collection<Credential> all() {
    return view.snapshot().values();
  }

  @Override
  public void save(Credential credential) {
    try {
      template
          .send(Topics.SECURITY_CREDENTIALS.name(), credential.tokenHash(), codec.write(credential))
          .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted publishing a credential", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not publish credential " + credential.id(), e);
    }
  }

  @Override
  public void start() {
    view.start();
  }

  @Override
  public void stop() {
    view.close();
    admin.close(Duration.ofSeconds(2));
  }

  @Override
  public boolean isRunning() {
    return view.isRunning();
  }
}
