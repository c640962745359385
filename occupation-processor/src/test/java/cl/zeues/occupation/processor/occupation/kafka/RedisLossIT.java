package cl.zeues.occupation.processor.occupation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.processor.occupation.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis loses everything while commands flow: FLUSHALL, or a kill -9 and restart without
 * persistence. Concurrent workers keep taking and pausing a few spools; afterwards the event log
 * must show no spool ever had two occupants, versions 1..n per spool, every accepted command's
 * events exactly once and a rejected command none; and Redis, rebuilt from the log, agrees with it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.config.name=occupation-processor",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "zeues.processor.redis-timeout=500ms"
    })
@EmbeddedKafka(partitions = 6)
class RedisLossIT {

  static final RedisServerProcess redis = RedisServerProcess.start();
  static final int CLIENTS = 6;
  static final int SPOOLS = 12;
  static final int ANSWERS_BETWEEN_FAULTS = 40;
  static final List<Worker> WORKERS =
      IntStream.rangeClosed(1, 8).mapToObj(i -> Worker.of(600 + i, "Trabajador " + i)).toList();

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

  KafkaTestClient kafka;
  Replies replies;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(brokers);
    replies = new Replies(brokers, kafka.codec);
  }

  @AfterEach
  void close() {
    replies.close();
    kafka.close();
  }

  @Test
  void flushAllDuringTrafficNeverYieldsTwoOccupants() throws Exception {
    List<String> tags = spools("FLUSH");
    double rebuildsBefore = rebuilds();

    Traffic traffic = drive(tags, 5, RedisServerProcess::flushAll);

    assertConsistent(tags, traffic);
    assertThat(rebuilds() - rebuildsBefore).as("partitions rebuilt from the log").isPositive();
  }

  @Test
  void redisRestartedWithoutPersistenceDuringTrafficNeverYieldsTwoOccupants() throws Exception {
    List<String> tags = spools("RESTART");
    double rebuildsBefore = rebuilds();

    Traffic traffic = drive(tags, 2, server -> server.restart(Duration.ofMillis(800)));

    assertConsistent(tags, traffic);
    assertThat(rebuilds() - rebuildsBefore).as("partitions rebuilt from the log").isPositive();
  }

  interface Fault {
    void hit(RedisServerProcess redis) throws Exception;
  }

  private double rebuilds() {
    var counter = registry.find("zeues.store.rebuilds").counter();
    return counter == null ? 0 : counter.count();
  }

  private List<String> spools(String kind) {
    String run = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> tags =
        IntStream.range(0, SPOOLS).mapToObj(i -> "IT-LOSS-" + run + "-" + i).toList();
    tags.forEach(
        tag ->
            kafka.sendJson(
                Topics.SPOOL_CATALOG.name(),
                tag,
                new SpoolCatalogEntry(tag, LocalDate.parse("2026-10-01"))));
    return tags;
  }

  /** What the clients sent and what they were answered. */
  record Traffic(Map<UUID, OccupationCommand> sent, Map<UUID, CommandReply> answered) {}

  /**
   * Clients take and pause spools; after every {@link #ANSWERS_BETWEEN_FAULTS} answers Redis is
   * hit, {@code faults} times, and the clients go on for as many answers after the last.
   */
  private Traffic drive(List<String> tags, int faults, Fault fault) throws Exception {
    Map<UUID, OccupationCommand> sent = new ConcurrentHashMap<>();
    Map<UUID, CommandReply> answered = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Random random = new Random(c);
        clients.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    String tag = tags.get(random.nextInt(tags.size()));
                    Worker worker = WORKERS.get(random.nextInt(WORKERS.size()));
                    CommandReply reply = send(tomar(tag, worker), sent, answered);
                    String occupant =
                        reply instanceof CommandReply.Rejected r
                                && r.reason() == RejectionReason.SPOOL_OCCUPIED
                            ? r.ocupadoPor()
                            : reply instanceof CommandReply.Accepted ? worker.token() : null;
                    if (occupant != null && random.nextInt(3) > 0) {
                      send(pausar(tag, workerOf(occupant)), sent, answered);
                    }
                  }
                  return null;
                }));
      }
      for (int i = 0; i <= faults; i++) {
        int target = answered.size() + ANSWERS_BETWEEN_FAULTS;
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> answered.size() >= target);
        if (i < faults) {
          fault.hit(redis);
        }
      }
      running.set(false);
      for (Future<?> client : clients) {
        client.get();
      }
      // One more command per spool after the last fault: every partition is checked again.
      for (String tag : tags) {
        send(tomar(tag, WORKERS.getFirst()), sent, answered);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Traffic(sent, answered);
  }

  private CommandReply send(
      OccupationCommand command,
      Map<UUID, OccupationCommand> sent,
      Map<UUID, CommandReply> answered) {
    sent.put(command.commandId(), command);
    kafka.sendJson(Topics.COMMANDS.name(), command.tagSpool(), command);
    CommandReply reply = replies.await(command.commandId(), Duration.ofSeconds(60));
    answered.put(command.commandId(), reply);
    return reply;
  }

  private void assertConsistent(List<String> tags, Traffic traffic) {
    Set<String> ours = Set.copyOf(tags);
    Map<String, List<OccupationEvent>> log = new LinkedHashMap<>();
    Map<UUID, byte[]> published = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : readEvents()) {
      OccupationEvent event = kafka.codec.read(record.value(), OccupationEvent.class);
      if (ours.contains(event.tagSpool())) {
        log.computeIfAbsent(event.tagSpool(), t -> new ArrayList<>()).add(event);
        published.put(event.eventId(), record.value());
      }
    }

    Map<UUID, Integer> eventsPerCommand = new HashMap<>();
    Set<UUID> eventIds = new java.util.HashSet<>();
    int takes = 0;
    for (var spool : log.entrySet()) {
      SpoolState state = SpoolState.initial(spool.getKey());
      String link = EventChain.GENESIS;
      for (OccupationEvent event : spool.getValue()) {
        assertThat(event.hashAnterior())
            .as("%s v%d links to its predecessor's bytes", spool.getKey(), event.version())
            .isEqualTo(link);
        link = EventChain.hashOf(published.get(event.eventId()));
        assertThat(event.version())
            .as("versions of %s are 1..n without gap or repeat", spool.getKey())
            .isEqualTo(state.version() + 1);
        if (event instanceof OccupationEvent.SpoolTomado) {
          assertThat(state.isOccupied())
              .as("%s taken by %s while occupied by %s", spool.getKey(), event.worker(), state)
              .isFalse();
          takes++;
        }
        assertThat(eventIds.add(event.eventId())).as("event %s once", event.eventId()).isTrue();
        eventsPerCommand.merge(event.commandId(), 1, Integer::sum);
        state = state.evolve(event);
      }
      assertRedisAgrees(state.chainedTo(link));
    }
    assertThat(traffic.answered()).hasSameSizeAs(traffic.sent());
    traffic
        .answered()
        .forEach(
            (id, reply) -> {
              switch (reply) {
                case CommandReply.Accepted a ->
                    assertThat(eventsPerCommand.get(id))
                        .as("accepted %s has its events", id)
                        .isEqualTo(a.eventIds().size());
                case CommandReply.Rejected r ->
                    assertThat(eventsPerCommand)
                        .as("rejected %s has none", id)
                        .doesNotContainKey(id);
              }
            });
    assertThat(takes).as("the traffic took spools").isGreaterThan(SPOOLS);
  }

  private void assertRedisAgrees(SpoolState replayed) {
    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      Map<String, String> stored =
          connection.sync().hgetall(StoreLayout.spoolKey(replayed.tagSpool()));
      assertThat(stored.get(StoreLayout.F_VERSION))
          .as("Redis version of %s", replayed.tagSpool())
          .isEqualTo(String.valueOf(replayed.version()));
      assertThat(stored.get(StoreLayout.F_OCUPADO_POR))
          .isEqualTo(replayed.isOccupied() ? replayed.occupation().worker().token() : "");
      assertThat(
              kafka.codec.read(stored.get(StoreLayout.F_STATE), SpoolState.class).lastEventHash())
          .as("Redis knows the hash of %s's last published event", replayed.tagSpool())
          .isEqualTo(replayed.lastEventHash());
    } finally {
      client.shutdown();
    }
  }

  private List<ConsumerRecord<String, byte[]>> readEvents() {
    List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
    try (var consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.EVENTS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  events.add(r);
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
              });
    }
    return events;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static Worker workerOf(String token) {
    return WORKERS.stream()
        .filter(w -> w.token().equals(token))
        .findFirst()
        .orElseThrow(() -> new AssertionError("unknown occupant " + token));
  }

  private static OccupationCommand tomar(String tag, Worker worker) {
    return new OccupationCommand.Tomar(
        UUID.randomUUID(), tag, worker, Operacion.ARM, Instant.now());
  }

  private static OccupationCommand pausar(String tag, Worker worker) {
    return new OccupationCommand.Pausar(UUID.randomUUID(), tag, worker, null, Instant.now());
  }

  /** Every committed reply, collected by one background consumer. */
  static final class Replies implements AutoCloseable {
    private final Map<UUID, CommandReply> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread reader;

    Replies(String brokers, JsonCodec codec) {
      KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  brokers,
                  ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                  "read_committed"),
              new StringDeserializer(),
              new ByteArrayDeserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.REPLIES.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      reader =
          Thread.ofPlatform()
              .name("replies")
              .start(
                  () -> {
                    try (consumer) {
                      while (open.get()) {
                        for (var r : consumer.poll(Duration.ofMillis(100))) {
                          CommandReply reply = codec.read(r.value(), CommandReply.class);
                          seen.putIfAbsent(reply.commandId(), reply);
                        }
                      }
                    }
                  });
    }

    CommandReply await(UUID commandId, Duration atMost) {
      Awaitility.await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> seen.containsKey(commandId));
      return seen.get(commandId);
    }

    @Override
    public void close() {
      open.set(false);
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
