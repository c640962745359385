package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.occupation.CommandSource;
import cl.zeues.occupation.processor.occupation.OccupationStore.WriteResult;
import cl.zeues.occupation.processor.occupation.RebuiltPartition;
import cl.zeues.occupation.processor.occupation.RecordRetention;
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import cl.zeues.occupation.processor.occupation.redis.RedisOccupationStore;
import cl.zeues.occupation.processor.occupation.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis as docker/compose.yml runs it: the ACL file {@code docker/secrets/generate.sh} writes (run
 * here into a folder of the test's own), {@code maxmemory} with {@code noeviction}. The processor's
 * user does everything its store does and no administration; the API's user reads what the
 * processor wrote and nothing more; nobody gets in without a user.
 */
class RedisAclIT {

  static final Path GENERATE =
      Path.of("").toAbsolutePath().getParent().resolve("docker/secrets/generate.sh");
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @TempDir static Path secrets;
  static RedisServerProcess redis;
  static RedisClient processorClient;
  static RedisClient apiClient;

  @BeforeAll
  static void start() throws Exception {
    ProcessBuilder generate =
        new ProcessBuilder("sh", GENERATE.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    generate.environment().put("ZEUES_SECRETS_DIR", secrets.toString());
    Process generated = generate.start();
    assertThat(generated.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(generated.exitValue()).isZero();
    redis =
        RedisServerProcess.start(
            List.of(
                "--aclfile",
                secrets.resolve("redis-users.acl").toString(),
                "--maxmemory",
                "64mb",
                "--maxmemory-policy",
                "noeviction"));
    processorClient = RedisClient.create(url("occupation-processor"));
    apiClient = RedisClient.create(url("command-api"));
  }

  @AfterAll
  static void stop() {
    if (processorClient != null) {
      processorClient.shutdown();
    }
    if (apiClient != null) {
      apiClient.shutdown();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void theProcessorsUserRunsTheStoreAndTheApisUserReadsIt() {
    try (StatefulRedisConnection<String, String> processor = processorClient.connect();
        StatefulRedisConnection<String, String> api = apiClient.connect()) {
      RedisOccupationStore store =
          new RedisOccupationStore(
              processor.sync(),
              new JsonCodec(),
              new RecordRetention(Duration.ofDays(7), Duration.ofMinutes(10), 1_000));
      String tag = "ACL-" + UUID.randomUUID();
      store.restore(0, new RebuiltPartition(List.of(), List.of())); // marks partition 0 applied
      store.expectApplied(0, -1);
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
      var record =
          new RecordedCommand(
              new CommandReply.Accepted(
                  command.commandId(),
                  tag,
                  accepted.message(),
                  NOW,
                  1,
                  accepted.events().stream().map(OccupationEvent::eventId).toList()),
              accepted.events(),
              new CommandSource(0, 0));
      SpoolState next = SpoolState.replay(tag, accepted.events());

      assertThat(store.writeTakingLock(tag, 0, next, record, Duration.ofMinutes(1)))
          .isEqualTo(WriteResult.WRITTEN);
      store.recordRejection(
          tag,
          new RecordedCommand(
              new CommandReply.Rejected(
                  UUID.randomUUID(), tag, "ocupado", NOW, RejectionReason.SPOOL_OCCUPIED, "JP(94)"),
              List.of(),
              new CommandSource(0, 1)));
      store.markApplied(0, 1);

      RedisCommands<String, String> reader = api.sync();
      assertThat(reader.hget(StoreLayout.spoolKey(tag), StoreLayout.F_OCUPADO_POR))
          .isEqualTo("JP(94)");
      assertThat(reader.hget(StoreLayout.commandKey(tag, command.commandId()), StoreLayout.F_REPLY))
          .contains(command.commandId().toString());
      assertThat(reader.info("server")).contains("redis_version");
      assertThatThrownBy(
              () -> reader.hset(StoreLayout.spoolKey(tag), StoreLayout.F_OCUPADO_POR, ""))
          .isInstanceOf(RedisCommandExecutionException.class)
          .hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> reader.del(StoreLayout.lockKey(tag))).hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> processor.sync().flushall()).hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> processor.sync().set("not-ours", "x"))
          .hasMessageContaining("NOPERM");
    }
  }

  @Test
  void nobodyGetsInWithoutAUser() {
    RedisClient anonymous = RedisClient.create(redis.url());
    RedisClient guessing =
        RedisClient.create("redis://command-api:guess@127.0.0.1:" + redis.port());
    try {
      assertThatThrownBy(anonymous::connect)
          .isInstanceOf(RedisConnectionException.class)
          .rootCause()
          .hasMessageContaining("NOAUTH");
      assertThatThrownBy(guessing::connect)
          .isInstanceOf(RedisConnectionException.class)
          .rootCause()
          .hasMessageContaining("WRONGPASS");
    } finally {
      anonymous.shutdown();
      guessing.shutdown();
    }
  }

  private static String url(String user) throws IOException {
    String password = Files.readString(secrets.resolve("redis-" + user + "-password")).strip();
    return "redis://" + user + ":" + password + "@127.0.0.1:" + redis.port();
  }
}
