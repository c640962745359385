package cl.zeues.occupation.benchmarks.projection;

import cl.zeues.occupation.benchmarks.support.InProcessKafka;
import cl.zeues.occupation.benchmarks.support.StartedParts;
import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.projector.ProjectorApplication;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything the bench measures against, in this JVM on loopback: a KRaft broker with {@code
 * occupation.events} as the processor creates it, the sheets emulator at Google's per-user write
 * quota holding a shop-shaped spreadsheet, the real sheets-projector application (catalog import
 * off), and an idempotent producer publishing events the way the processor does (keyed by tag,
 * CloudEvents headers).
 */
final class BenchSystem implements AutoCloseable {

  static final String SPREADSHEET = "zeues-bench";
  static final String GROUP = "sheets-projector";

  private final StartedParts started = new StartedParts();
  private final JsonCodec json = new JsonCodec();
  private final AtomicLong sendFailures = new AtomicLong();
  private final InProcessKafka broker;
  private final SheetsEmulator emulator;
  private @Nullable KafkaProducer<String, byte[]> producer;
  private @Nullable ConfigurableApplicationContext projector;

  private BenchSystem(InProcessKafka broker, SheetsEmulator emulator) {
    this.broker = broker;
    this.emulator = emulator;
  }

  /** Starts it all and waits until the projector owns every partition of the events topic. */
  static BenchSystem start(List<String> tags, List<String> projectorArgs) {
    InProcessKafka broker = InProcessKafka.start(Topics.EVENTS.partitions());
    BenchSystem system = new BenchSystem(broker, new SheetsEmulator());
    system.started.add(broker);
    try {
      broker.createTopics(List.of(Topics.EVENTS));
      system.startEmulator(tags);
      system.startProducer();
      system.startProjector(projectorArgs);
      system.awaitProjectorAssigned(Duration.ofSeconds(60));
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  String brokers() {
    return broker.brokers();
  }

  SheetsEmulator emulator() {
    return emulator;
  }

  MeterRegistry projectorMeters() {
    return running(projector).getBean(MeterRegistry.class);
  }

  /** A bean of the projector application, e.g. its bound settings. */
  <T> T projectorBean(Class<T> type) {
    return running(projector).getBean(type);
  }

  /** Sends without waiting (the producer batches); a failed send is counted, not thrown. */
  void publish(OccupationEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.EVENTS.name(), event.tagSpool(), json.write(event));
    CloudEventHeaders.of(event).forEach((name, value) -> record.headers().add(name, value));
    running(producer)
        .send(
            record,
            (metadata, failure) -> {
              if (failure != null) {
                sendFailures.incrementAndGet();
              }
            });
  }

  /** Waits until every event sent so far is acknowledged (or failed). */
  void flushProducer() {
    running(producer).flush();
  }

  long sendFailures() {
    return sendFailures.get();
  }

  private void startEmulator(List<String> tags) {
    // EmulatorConfig.defaults(): in memory, a free port, 60 writes per minute per user (Google's).
    emulator.start(EmulatorConfig.defaults());
    started.add(emulator::stop);
    ShopSpreadsheet shop = new ShopSpreadsheet();
    tags.forEach(tag -> shop.spool(tag, "04-05-2026"));
    emulator.putSpreadsheet(SPREADSHEET, shop.sheets());
  }

  private void startProducer() {
    KafkaProducer<String, byte[]> kafka =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.CLIENT_ID_CONFIG,
                "bench-publisher"),
            new StringSerializer(),
            new ByteArraySerializer());
    producer = kafka;
    started.add(kafka::close);
  }

  private void startProjector(List<String> extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + brokers(),
                "--zeues.sheets.spreadsheet-id=" + SPREADSHEET,
                "--zeues.sheets.root-url=" + emulator.rootUrl(),
                "--zeues.catalog.scheduled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.org.apache.kafka=warn",
                "--logging.level.kafka=warn",
                "--logging.level.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils=error"));
    args.addAll(extra);
    ConfigurableApplicationContext context =
        ProjectorApplication.builder().run(args.toArray(String[]::new));
    projector = context;
    started.add(context::close);
  }

  private void awaitProjectorAssigned(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    try (Admin admin = admin()) {
      while (System.nanoTime() < deadline) {
        ConsumerGroupDescription group =
            admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
        int assigned =
            group.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
        if (group.groupState() == GroupState.STABLE && assigned == Topics.EVENTS.partitions()) {
          return;
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the projector", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not describe the projector's consumer group", e);
    }
    throw new IllegalStateException(
        "the projector did not own the " + Topics.EVENTS.name() + " partitions within " + atMost);
  }

  private Admin admin() {
    return broker.admin();
  }

  private static <T> T running(@Nullable T component) {
    if (component == null) {
      throw new IllegalStateException("the bench system is not running");
    }
    return component;
  }

  /** Stops everything, last started first. */
  @Override
  public void close() {
    started.close();
  }
}
