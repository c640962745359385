package cl.zeues.occupation.processor.occupation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.occupation.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A loop of rejected commands (issue 13): 10,000 TOMARs of spools someone else holds or that are
 * not in the catalog leave Redis bounded. The processor runs against a Redis of this test's own,
 * started as docker/compose.yml starts it ({@code maxmemory}, {@code noeviction}), keeping at most
 * {@link #MAX_REJECTED} rejections. Prints the figures docker/README.md sizes Redis with; asserts
 * only bounds that a store remembering every rejection would break.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.config.name=occupation-processor",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.processor.max-rejected=" + RejectedFloodIT.MAX_REJECTED,
      "zeues.processor.rejected-retention=10m"
    })
@EmbeddedKafka(partitions = 6)
class RejectedFloodIT {

  static final int MAX_REJECTED = 1_000;
  static final int REJECTED = 10_000;
  static final int SPOOLS = 200;
  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final Worker ANA = Worker.of(12, "Ana Bravo");

  static final RedisServerProcess redis =
      RedisServerProcess.start(List.of("--maxmemory", "64mb", "--maxmemory-policy", "noeviction"));

  @DynamicPropertySource
  static void ownRedis(DynamicPropertyRegistry registry) {
    registry.add("zeues.processor.redis-url", redis::url);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @Autowired MeterRegistry registry;

  final JsonCodec codec = new JsonCodec();

  @Test
  void tenThousandRejectedCommandsLeaveRedisBounded() {
    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisConnection<String, String> connection = client.connect();
        KafkaProducer<String, byte[]> producer = producer();
        KafkaTestClient kafka = new KafkaTestClient(brokers)) {
      RedisCommands<String, String> sync = connection.sync();
      List<String> tags =
          IntStream.range(0, SPOOLS + 1).mapToObj(i -> "IT-FLOOD-" + UUID.randomUUID()).toList();
      tags.forEach(
          tag ->
              kafka.sendJson(
                  Topics.SPOOL_CATALOG.name(),
                  tag,
                  new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01"))));
      // Warm-up: the scripts loaded, the lease index and the rejection index created.
      String warmUp = tags.getLast();
      send(producer, tomar(warmUp, JUAN));
      send(producer, tomar(warmUp, ANA));
      awaitDecisions("rejected", 1);
      Usage empty = Usage.of(sync);

      List<String> spools = tags.subList(0, SPOOLS);
      spools.forEach(tag -> send(producer, tomar(tag, JUAN)));
      awaitDecisions("accepted", SPOOLS + 1);
      Usage occupied = Usage.of(sync);

      // Rejections as fast as the producer sends them: Ana takes spools Juan holds, and tags that
      // are in no catalog (one new key name each).
      for (int i = 1; i < MAX_REJECTED; i++) {
        send(producer, tomar(spools.get(i % SPOOLS), ANA));
      }
      awaitDecisions("rejected", MAX_REJECTED);
      Usage full = Usage.of(sync);
      for (int i = MAX_REJECTED; i < REJECTED; i++) {
        String tag = i % 10 == 0 ? "IT-FLOOD-UNKNOWN-" + UUID.randomUUID() : spools.get(i % SPOOLS);
        send(producer, tomar(tag, ANA));
      }
      awaitDecisions("rejected", REJECTED);
      Usage flooded = Usage.of(sync);

      long perSpool = (occupied.bytes() - empty.bytes()) / SPOOLS;
      long perRejection = (full.bytes() - occupied.bytes()) / (MAX_REJECTED - 1);
      System.out.printf(
          "RejectedFloodIT: used_memory %,d B warmed up, %,d B with %d more spools taken (%,d B"
              + " per occupied spool with its accepted record), %,d B after %,d rejections (%,d B"
              + " per remembered rejection), %,d B after %,d rejections; keys %d, %d, %d, %d;"
              + " used_memory_peak %,d B%n",
          empty.bytes(),
          occupied.bytes(),
          SPOOLS,
          perSpool,
          full.bytes(),
          MAX_REJECTED,
          perRejection,
          flooded.bytes(),
          REJECTED,
          empty.keys(),
          occupied.keys(),
          full.keys(),
          flooded.keys(),
          flooded.peak());

      // Per spool its hash, lock and accepted record; the lease and rejection indexes, an applied
      // offset per partition; and at most MAX_REJECTED rejections, however many came.
      long bound = 3L * (SPOOLS + 1) + 2 + Topics.COMMANDS.partitions() + MAX_REJECTED;
      assertThat(flooded.keys()).isLessThanOrEqualTo(bound);
      assertThat(flooded.bytes() - occupied.bytes())
          .isLessThan(2 * (full.bytes() - occupied.bytes()) + 256 * 1024);
      assertThat(sync.zcard("zeues:rejected")).isEqualTo(MAX_REJECTED);
      String remembered = sync.zrange("zeues:rejected", -1, -1).getFirst();
      assertThat(sync.pttl(remembered)).isBetween(1L, Duration.ofMinutes(10).toMillis());
      // The lock state is untouched: every spool still held by Juan.
      tags.forEach(
          tag ->
              assertThat(sync.hget(StoreLayout.spoolKey(tag), StoreLayout.F_OCUPADO_POR))
                  .isEqualTo(JUAN.token()));
      assertThat(sync.zcard(StoreLayout.LEASES)).isEqualTo(SPOOLS + 1);
    } finally {
      client.shutdown();
    }
  }

  record Usage(long bytes, long peak, long keys) {
    static Usage of(RedisCommands<String, String> redis) {
      Map<String, String> memory = info(redis.info("memory"));
      return new Usage(
          Long.parseLong(memory.get("used_memory")),
          Long.parseLong(memory.get("used_memory_peak")),
          redis.dbsize());
    }

    private static Map<String, String> info(String text) {
      return text.lines()
          .filter(line -> line.contains(":"))
          .map(line -> line.split(":", 2))
          .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1].strip()));
    }
  }

  private void awaitDecisions(String outcome, int count) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> decisions(outcome) >= count);
  }

  private double decisions(String outcome) {
    return registry.find("zeues.occupation.decisions").tag("outcome", outcome).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private void send(KafkaProducer<String, byte[]> producer, OccupationCommand command) {
    producer.send(
        new ProducerRecord<>(Topics.COMMANDS.name(), command.tagSpool(), codec.write(command)));
  }

  private static OccupationCommand.Tomar tomar(String tag, Worker worker) {
    return new OccupationCommand.Tomar(
        UUID.randomUUID(), tag, worker, Operacion.ARM, Instant.now());
  }
}
