package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.OccupationStore;
import cl.zeues.occupation.processor.occupation.OccupationStore.WriteResult;
import cl.zeues.occupation.processor.occupation.RebuiltPartition;
import cl.zeues.occupation.processor.occupation.RecordRetention;
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import cl.zeues.occupation.processor.occupation.StoreLostException;
import cl.zeues.occupation.processor.occupation.StoredSpool;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fenced store against the real Redis: versions, lock tokens, recorded commands, and the
 * applied offset that reveals a Redis that lost data. Runs in a database of its own (9), so
 * deleting the applied offset never disturbs other tests.
 */
class RedisOccupationStoreIT {

  static RedisClient client;
  static StatefulRedisConnection<String, String> connection;
  static RedisOccupationStore store;
  static RedisLockService locks;
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @BeforeAll
  static void connect() {
    RedisURI uri =
        RedisURI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
    uri.setDatabase(9);
    client = RedisClient.create(uri);
    connection = client.connect();
    store =
        new RedisOccupationStore(
            connection.sync(),
            new JsonCodec(),
            new RecordRetention(Duration.ofDays(7), Duration.ofMinutes(10), 1_000));
    locks = new RedisLockService(connection.sync(), connection.sync());
  }

  @BeforeEach
  void storeHoldsPartition3ThroughOffset50() {
    connection.sync().set(StoreLayout.appliedKey(3), "50");
    store.expectApplied(3, 50);
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
  void aWriteThatFreesTheSpoolDropsItsLockAndLeaseInTheSameScript() {
    Taken t = take();
    locks.acquire(t.tag(), t.next().occupation().occupationId(), Duration.ofMinutes(1));
    store.write(t.tag(), 0, t.next(), t.record());
    var pause =
        new OccupationCommand.Pausar(
            UUID.randomUUID(), t.tag(), Worker.of(94, "Juan Perez"), null, NOW);
    var paused =
        (Decision.Accepted)
            new OccupationDecider(OccupationPolicy.DEFAULT).decide(t.next(), pause, null, NOW);
    SpoolState free = t.next().evolve(paused.events().getFirst());
    var record =
        new RecordedCommand(
            new CommandReply.Accepted(
                pause.commandId(), t.tag(), paused.message(), NOW, 2, List.of()),
            paused.events(),
            new CommandSource(3, 100));

    assertThat(store.write(t.tag(), 1, free, record)).isEqualTo(WriteResult.WRITTEN);

    assertThat(locks.holder(t.tag())).isEmpty();
    assertThat(connection.sync().zscore(StoreLayout.LEASES, t.tag())).isNull();
    assertThat(connection.sync().hget(StoreLayout.spoolKey(t.tag()), StoreLayout.F_OCUPADO_POR))
        .isEmpty();
  }

  @Test
  void anOccupiedStateIsNotWrittenWithoutItsLock() {
    Taken t = take();

    assertThat(store.write(t.tag(), 0, t.next(), t.record())).isEqualTo(WriteResult.LOCK_LOST);
    assertThat(store.load(t.tag(), t.commandId()).state().version()).isZero();
  }

  @Test
  void aTomarsWriteTakesTheLockInTheSameScript() {
    Taken t = take();
    UUID token = t.next().occupation().occupationId();

    assertThat(store.writeTakingLock(t.tag(), 0, t.next(), t.record(), Duration.ofMinutes(1)))
        .isEqualTo(WriteResult.WRITTEN);

    assertThat(locks.holder(t.tag())).contains(token);
    assertThat(connection.sync().pttl(StoreLayout.lockKey(t.tag()))).isBetween(1L, 60_000L);
    assertThat(store.load(t.tag(), t.commandId()).state()).isEqualTo(t.next());
  }

  @Test
  void aTakeReplacesAStaleLockTheStateDoesNotKnow() {
    Taken t = take();
    locks.acquire(t.tag(), UUID.randomUUID(), Duration.ofMinutes(1));

    assertThat(store.writeTakingLock(t.tag(), 0, t.next(), t.record(), Duration.ofMinutes(1)))
        .isEqualTo(WriteResult.WRITTEN_OVER_STALE_LOCK);

    assertThat(locks.holder(t.tag())).contains(t.next().occupation().occupationId());
  }

  @Test
  void aTakeThatLosesTheVersionFenceTakesNothing() {
    Taken t = take();
    UUID holder = UUID.randomUUID();
    locks.acquire(t.tag(), holder, Duration.ofMinutes(1));

    assertThat(store.writeTakingLock(t.tag(), 5, t.next(), t.record(), Duration.ofMinutes(1)))
        .isEqualTo(WriteResult.VERSION_CONFLICT);

    assertThat(locks.holder(t.tag())).contains(holder);
    assertThat(store.load(t.tag(), t.commandId()).recorded()).isNull();
  }

  @Test
  void aWriteAdvancesTheAppliedOffsetToItsRecord() {
    Taken t = take();
    locks.acquire(t.tag(), t.next().occupation().occupationId(), Duration.ofMinutes(1));

    store.write(t.tag(), 0, t.next(), t.record());

    assertThat(connection.sync().get(StoreLayout.appliedKey(3))).isEqualTo("99");
    assertThat(store.holdsApplied(3)).isTrue();
  }

  @Test
  void aStoreThatLostItsAppliedOffsetRefusesWritesAndRejections() {
    Taken t = take();
    locks.acquire(t.tag(), t.next().occupation().occupationId(), Duration.ofMinutes(1));
    connection.sync().del(StoreLayout.appliedKey(3)); // what FLUSHALL does

    assertThat(store.holdsApplied(3)).isFalse();
    assertThatThrownBy(() -> store.write(t.tag(), 0, t.next(), t.record()))
        .isInstanceOf(StoreLostException.class)
        .hasMessageContaining("partition 3");
    assertThatThrownBy(() -> store.recordRejection(t.tag(), t.record()))
        .isInstanceOf(StoreLostException.class);
    assertThatThrownBy(() -> store.markApplied(3, 60)).isInstanceOf(StoreLostException.class);
    assertThat(store.load(t.tag(), t.commandId()).state().version()).isZero();
  }

  @Test
  void aStoreBehindWhatThisInstanceAppliedRefusesWrites() {
    Taken t = take();
    locks.acquire(t.tag(), t.next().occupation().occupationId(), Duration.ofMinutes(1));
    store.expectApplied(3, 70); // this instance knows offsets through 70 were applied

    assertThatThrownBy(() -> store.write(t.tag(), 0, t.next(), t.record()))
        .isInstanceOf(StoreLostException.class);
  }

  @Test
  void changesSentTogetherAreEachCheckedAndAnsweredAsAlone() {
    Taken fresh = take();
    Taken stale = take();
    Taken behind = take();
    Taken rejected = take();
    locks.acquire(stale.tag(), UUID.randomUUID(), Duration.ofMinutes(1));
    Duration ttl = Duration.ofMinutes(1);

    List<WriteResult> results =
        store.applyAll(
            List.of(
                new OccupationStore.Change.Write(fresh.tag(), 0, fresh.next(), fresh.record(), ttl),
                new OccupationStore.Change.Write(stale.tag(), 0, stale.next(), stale.record(), ttl),
                new OccupationStore.Change.Write(
                    behind.tag(), 5, behind.next(), behind.record(), ttl),
                new OccupationStore.Change.Rejection(rejected.tag(), rejected.record())));

    assertThat(results)
        .containsExactly(
            WriteResult.WRITTEN,
            WriteResult.WRITTEN_OVER_STALE_LOCK,
            WriteResult.VERSION_CONFLICT,
            WriteResult.WRITTEN);
    List<StoredSpool> loaded =
        store.loadAll(
            List.of(fresh, stale, behind, rejected).stream()
                .map(t -> new OccupationStore.Load(t.tag(), t.commandId()))
                .toList());
    assertThat(loaded.get(0).state()).isEqualTo(fresh.next());
    assertThat(loaded.get(1).state()).isEqualTo(stale.next());
    assertThat(loaded.get(2).state().version()).isZero();
    assertThat(loaded.get(2).recorded()).isNull();
    assertThat(loaded.get(3).recorded()).isNotNull();
    assertThat(locks.holder(fresh.tag())).contains(fresh.next().occupation().occupationId());
    assertThat(connection.sync().get(StoreLayout.appliedKey(3))).isEqualTo("99");
  }

  @Test
  void changesSentTogetherToAStoreThatLostItsAppliedOffsetAreRefused() {
    Taken t = take();
    connection.sync().del(StoreLayout.appliedKey(3)); // what FLUSHALL does

    assertThatThrownBy(
            () ->
                store.applyAll(
                    List.of(
                        new OccupationStore.Change.Rejection(t.tag(), t.record()),
                        new OccupationStore.Change.Write(
                            t.tag(), 0, t.next(), t.record(), Duration.ofMinutes(1)))))
        .isInstanceOf(StoreLostException.class)
        .hasMessageContaining("partition 3");
    assertThat(store.load(t.tag(), t.commandId()).state().version()).isZero();
  }

  @Test
  void loadsSentTogetherRunTheScriptBySourceWhenRedisForgotIt() {
    Taken t = take();
    store.writeTakingLock(t.tag(), 0, t.next(), t.record(), Duration.ofMinutes(1));
    connection.sync().scriptFlush();

    assertThat(store.loadAll(List.of(new OccupationStore.Load(t.tag(), t.commandId()))))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.state()).isEqualTo(t.next());
              assertThat(stored.recorded()).isNotNull();
            });
  }

  @Test
  void restoreWritesTheReplayedSpoolWithLockLeaseAndRecordAndMarksThePartition() {
    Taken t = take();
    connection.sync().del(StoreLayout.appliedKey(3));
    var rebuiltRecord =
        new RecordedCommand(t.record().reply(), t.record().events(), new CommandSource(3, -1));

    store.restore(
        3,
        new RebuiltPartition(
            List.of(new RebuiltPartition.Spool(t.next(), Duration.ofMinutes(5))),
            List.of(rebuiltRecord)));

    assertThat(store.holdsApplied(3)).isTrue();
    assertThat(connection.sync().get(StoreLayout.appliedKey(3))).isEqualTo("50");
    var loaded = store.load(t.tag(), t.commandId());
    assertThat(loaded.state()).isEqualTo(t.next());
    assertThat(loaded.recorded()).isEqualTo(rebuiltRecord);
    assertThat(locks.holder(t.tag())).contains(t.next().occupation().occupationId());
    assertThat(connection.sync().pttl(StoreLayout.lockKey(t.tag()))).isBetween(1L, 300_000L);
    assertThat(connection.sync().zscore(StoreLayout.LEASES, t.tag()))
        .isEqualTo((double) t.next().occupation().leaseUntil().toEpochMilli());
  }

  static RecordedCommand rejection(String tag) {
    return new RecordedCommand(
        new CommandReply.Rejected(
            UUID.randomUUID(), tag, "ocupado", NOW, RejectionReason.SPOOL_OCCUPIED, "AB(12)"),
        List.of(),
        new CommandSource(3, 60));
  }

  @Test
  void aRejectionIsRememberedForTheRejectedRetentionOnly() {
    String tag = "IT-STORE-" + UUID.randomUUID();
    RecordedCommand rejected = rejection(tag);

    store.recordRejection(tag, rejected);

    UUID id = rejected.reply().commandId();
    assertThat(store.load(tag, id).recorded()).isEqualTo(rejected);
    assertThat(connection.sync().pttl(StoreLayout.commandKey(tag, id))).isBetween(1L, 600_000L);
    assertThat(
            connection
                .sync()
                .zscore(RedisOccupationStore.REJECTED, StoreLayout.commandKey(tag, id)))
        .isNotNull();
  }

  @Test
  void pastMaxRejectedTheOldestRejectionsAreForgotten() {
    connection.sync().del(RedisOccupationStore.REJECTED);
    var keepingThree =
        new RedisOccupationStore(
            connection.sync(),
            new JsonCodec(),
            new RecordRetention(Duration.ofMinutes(10), Duration.ofMinutes(10), 3));
    keepingThree.expectApplied(3, 50);
    String tag = "IT-STORE-" + UUID.randomUUID();
    List<RecordedCommand> rejected =
        java.util.stream.Stream.generate(() -> rejection(tag)).limit(5).toList();

    rejected.forEach(r -> keepingThree.recordRejection(tag, r));

    assertThat(rejected)
        .extracting(r -> keepingThree.load(tag, r.reply().commandId()).recorded() != null)
        .containsExactly(false, false, true, true, true);
    assertThat(connection.sync().zcard(RedisOccupationStore.REJECTED)).isEqualTo(3);
  }

  @Test
  void theSpoolRemembersWhichCommandWroteItUntilRebuilt() {
    Taken t = take();
    store.writeTakingLock(t.tag(), 0, t.next(), t.record(), Duration.ofMinutes(1));

    assertThat(store.load(t.tag(), UUID.randomUUID()).lastWrite())
        .isEqualTo(new CommandSource(3, 99));

    store.restore(
        3,
        new RebuiltPartition(
            List.of(new RebuiltPartition.Spool(t.next(), Duration.ofMinutes(5))), List.of()));
    assertThat(store.load(t.tag(), UUID.randomUUID()).lastWrite()).isNull();
  }

  @Test
  void restoreRemembersTheRejectionsOfATagWithoutEvents() {
    String unknown = "IT-STORE-NOT-IN-CATALOG-" + UUID.randomUUID();
    var rejected =
        new RecordedCommand(rejection(unknown).reply(), List.of(), new CommandSource(3, -1));

    store.restore(3, new RebuiltPartition(List.of(), List.of(rejected)));

    UUID id = rejected.reply().commandId();
    assertThat(store.load(unknown, id).recorded()).isEqualTo(rejected);
    assertThat(connection.sync().pttl(StoreLayout.commandKey(unknown, id))).isBetween(1L, 600_000L);
    assertThat(connection.sync().exists(StoreLayout.spoolKey(unknown))).isZero();
  }

  @Test
  void anUntouchedSpoolLoadsAsInitial() {
    String tag = "IT-STORE-" + UUID.randomUUID();

    var loaded = store.load(tag, UUID.randomUUID());

    assertThat(loaded.state()).isEqualTo(SpoolState.initial(tag));
    assertThat(loaded.recorded()).isNull();
  }
}
