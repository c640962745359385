package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.OccupationStore.WriteResult;
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fenced store against the real Redis: versions, lock tokens, recorded commands. */
class RedisOccupationStoreIT {

  static RedisClient client;
  static StatefulRedisConnection<String, String> connection;
  static RedisOccupationStore store;
  static RedisLockService locks;
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @BeforeAll
  static void connect() {
    client =
        RedisClient.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
    connection = client.connect();
    store = new RedisOccupationStore(connection.sync(), new JsonCodec(), Duration.ofMinutes(10));
    locks = new RedisLockService(connection.sync(), connection.sync());
  }

  @AfterAll
  static void close() {
    connection.close();
    client.shutdown();
  }

  record Taken(String tag, SpoolState next, RecordedCommand record, UUID commandId) {}

  static Taken take() {
    String tag = "IT-STORE-" + UUID.randomUUID();
    var command =
        new OccupationCommand.Tomar(
            UUID.randomUUID(), tag, Worker.of(94, "Juan Perez"), Operacion.ARM, NOW);
    var accepted =
        (Decision.Accepted)
            new OccupationDecider(OccupationPolicy.DEFAULT)
                .decide(
                    SpoolState.initial(tag),
                    command,
                    new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01")),
                    NOW);
    SpoolState next = SpoolState.replay(tag, accepted.events());
    var reply =
        new CommandReply.Accepted(
            command.commandId(),
            tag,
            accepted.message(),
            NOW,
            1,
            accepted.events().stream().map(e -> e.eventId()).toList());
    return new Taken(
        tag,
        next,
        new RecordedCommand(reply, accepted.events(), new CommandSource(3, 99)),
        command.commandId());
  }

  @Test
  void aWriteIsFencedByVersionAndReadBackWithItsRecord() {
    Taken t = take();
    locks.acquire(t.tag(), t.next().occupation().occupationId(), Duration.ofMinutes(1));

    assertThat(store.write(t.tag(), 0, t.next(), t.record())).isEqualTo(WriteResult.WRITTEN);
    assertThat(store.write(t.tag(), 0, t.next(), t.record()))
        .isEqualTo(WriteResult.VERSION_CONFLICT);

    var loaded = store.load(t.tag(), t.commandId());
    assertThat(loaded.state()).isEqualTo(t.next());
    assertThat(loaded.recorded()).isEqualTo(t.record());
    assertThat(connection.sync().hget(StoreLayout.spoolKey(t.tag()), StoreLayout.F_OCUPADO_POR))
        .isEqualTo("JP(94)");
    assertThat(connection.sync().zscore(StoreLayout.LEASES, t.tag())).isNotNull();
  }

  @Test
  void anOccupiedStateIsNotWrittenWithoutItsLock() {
    Taken t = take();

    assertThat(store.write(t.tag(), 0, t.next(), t.record())).isEqualTo(WriteResult.LOCK_LOST);
    assertThat(store.load(t.tag(), t.commandId()).state().version()).isZero();
  }

  @Test
  void anUntouchedSpoolLoadsAsInitial() {
    String tag = "IT-STORE-" + UUID.randomUUID();

    var loaded = store.load(tag, UUID.randomUUID());

    assertThat(loaded.state()).isEqualTo(SpoolState.initial(tag));
    assertThat(loaded.recorded()).isNull();
  }
}
