package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.JsonCodec.MalformedRecordException;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.projector.projection.PendingBatch.Flush;
import cl.zeues.occupation.topicreader.TopicRead;
import cl.zeues.occupation.tracing.CommandLogContext;
import cl.zeues.occupation.tracing.ConsumedRecordTracing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code occupation.events} and hands micro-batches to the {@link SheetsProjection}.
 *
 * <p>On every assignment the consumer rewinds its partitions to offset 0 and folds the whole log
 * into per-spool state ({@link SpoolState#evolve}); events below the group's committed offset only
 * rebuild state, events from it on are projected. Offsets are committed only after the flush
 * holding them landed, so a crash re-projects at most the flushes in flight, which the sheet-side
 * checks turn into no-ops.
 *
 * <p>Two threads: this consumer thread (poll, fold, batch, commit; the only one touching the
 * consumer and the state) and a single writer thread running one flush at a time. While a flush is
 * in flight the next batch fills; once it is full the partitions are paused (still polling, so the
 * group membership holds) until the flush lands.
 */
final class EventsProjector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventsProjector.class);

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final SheetsProjection projection;
  private final ProjectionSettings settings;
  private final ProjectionStatus status;
  private final Clock clock;
  private final ConsumedRecordTracing tracing;
  private final JsonCodec json = new JsonCodec();

  private volatile boolean running;
  private @Nullable Thread thread;
  private @Nullable ExecutorService writer;
  private volatile @Nullable Consumer<String, byte[]> consumer;

  // Consumer-thread state.
  private final Map<String, SpoolState> states = new HashMap<>();
  // The log below the group's committed offsets: read only to rebuild state, not projected.
  private @Nullable TopicRead<String, byte[]> rebuild;
  private final Map<TopicPartition, Long> landed = new HashMap<>();
  private final ArrayDeque<ConsumerRecord<String, byte[]>> backlog = new ArrayDeque<>();
  private PendingBatch open = new PendingBatch();
  private Map<TopicPartition, Long> openOffsets = new HashMap<>();
  private @Nullable InFlight inFlight;
  private long generation;
  private Instant nextLagCheck = Instant.MIN;

  private record InFlight(
      Future<?> task,
      AtomicBoolean started,
      CompletableFuture<Void> done,
      Map<TopicPartition, Long> offsets,
      long generation) {}

  EventsProjector(
      Supplier<Consumer<String, byte[]>> consumers,
      SheetsProjection projection,
      ProjectionSettings settings,
      ProjectionStatus status,
      Clock clock,
      ConsumedRecordTracing tracing) {
    this.tracing = tracing;
    this.consumers = consumers;
    this.projection = projection;
    this.settings = settings;
    this.status = status;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    writer =
        Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("sheets-projection-writer").unstarted(runnable));
    thread = Thread.ofPlatform().name("sheets-projection").start(this::run);
  }

  /**
   * Stops without waiting for a flush in flight or committing it, like a crash would: whatever
   * already reached the sheet is recognised after the restart, the rest is projected again.
   */
  @Override
  public synchronized void stop() {
    running = false;
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (writer != null) {
      writer.shutdownNow();
    }
    if (thread != null) {
      try {
        thread.join(settings.shutdownTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    try (Consumer<String, byte[]> kafka = consumers.get()) {
      consumer = kafka;
      kafka.subscribe(List.of(Topics.EVENTS.name()), new Rebalance(kafka));
      submit(Flush.EMPTY, Map.of());
      while (running) {
        loop(kafka);
      }
    } catch (WakeupException e) {
      if (running) {
        log.error("sheets projection consumer woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      log.error("sheets projection consumer failed; projection stops", e);
      status.down("the events consumer failed: " + e, List.of());
    } finally {
      consumer = null;
    }
  }

  private void loop(Consumer<String, byte[]> kafka) {
    landFinishedFlush(kafka);
    Instant now = clock.instant();
    fillFromBacklog(now);
    if (inFlight == null && open.isDue(settings.maxEvents(), settings.maxWait(), now)) {
      submit(open.seal(), openOffsets);
      open = new PendingBatch();
      openOffsets = new HashMap<>();
      fillFromBacklog(now);
    }
    boolean full = !backlog.isEmpty() || open.size() >= settings.maxEvents();
    Set<TopicPartition> assigned = kafka.assignment();
    if (full) {
      kafka.pause(assigned);
    } else if (!kafka.paused().isEmpty()) {
      kafka.resume(kafka.paused());
    }
    Duration timeout = settings.pollTimeout();
    Duration untilDue = open.untilDue(settings.maxWait(), now);
    if (!open.isEmpty() && untilDue.compareTo(timeout) < 0) {
      timeout = untilDue;
    }
    ConsumerRecords<String, byte[]> records = kafka.poll(timeout);
    Instant polled = clock.instant();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (backlog.isEmpty() && open.size() < settings.maxEvents()) {
        handle(record, polled);
      } else {
        backlog.add(record);
      }
    }
    if (backlog.isEmpty()) {
      // Everything fetched so far is in a batch: the position also covers transaction markers.
      for (TopicPartition partition : kafka.assignment()) {
        long position = kafka.position(partition);
        if (position > projectFrom(partition)) {
          openOffsets.merge(partition, position, Math::max);
        }
      }
    }
    updateLag(kafka, polled);
  }

  private void fillFromBacklog(Instant now) {
    while (!backlog.isEmpty() && open.size() < settings.maxEvents()) {
      handle(backlog.poll(), now);
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record, Instant now) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    TopicRead<String, byte[]> below = rebuild;
    boolean project = below == null || !below.isBeforeEnd(record);
    if (project) {
      openOffsets.merge(partition, record.offset() + 1, Math::max);
      // Only new events join their command's trace; the log below is refolded on every rebalance.
      tracing.process(record, () -> fold(record, now, true));
    } else {
      fold(record, now, false);
    }
  }

  private void fold(ConsumerRecord<String, byte[]> record, Instant now, boolean project) {
    OccupationEvent event;
    try {
      event = json.read(record.value(), OccupationEvent.class);
    } catch (MalformedRecordException e) {
      log.error(
          "skipping unreadable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    if (project) {
      CommandLogContext.commandId(event.commandId());
    }
    SpoolState before = states.getOrDefault(event.tagSpool(), SpoolState.initial(event.tagSpool()));
    SpoolState after;
    try {
      after = before.evolve(event);
      states.put(event.tagSpool(), after);
    } catch (RuntimeException e) {
      // The log broke an invariant (a gap, a repeat, an operation without progress yet): keep the
      // audit row, leave the spool's row as the last consistent state.
      log.error(
          "event {} does not fold into {}: {}", event.eventId(), event.tagSpool(), e.getMessage());
      after = null;
    }
    if (project) {
      open.add(event, after, now);
    }
  }

  private void submit(Flush flush, Map<TopicPartition, Long> offsets) {
    ExecutorService executor = writer;
    if (executor == null) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicBoolean started = new AtomicBoolean();
    Future<?> task;
    try {
      task =
          executor.submit(
              () -> {
                started.set(true);
                try {
                  projection.project(flush);
                  done.complete(null);
                } catch (InterruptedException e) {
                  done.completeExceptionally(e);
                } catch (RuntimeException e) {
                  done.completeExceptionally(e);
                } finally {
                  done.completeExceptionally(new CancellationException("flush abandoned"));
                }
              });
    } catch (RejectedExecutionException e) {
      return;
    }
    inFlight = new InFlight(task, started, done, Map.copyOf(offsets), generation);
  }

  /**
   * Before partitions move to another instance: stops the flush in flight at its next step (a
   * request already sent still completes), waits for it, and commits it if it landed. So once the
   * partitions are given up, nothing of ours lands in the sheet behind the new owner's back.
   */
  private void settleInFlight(Consumer<String, byte[]> kafka) {
    InFlight current = inFlight;
    if (current == null) {
      return;
    }
    current.task().cancel(true);
    if (current.started().get()) {
      try {
        current.done().get(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | CancellationException e) {
        // Abandoned: its events are projected again by whoever owns them next.
      } catch (TimeoutException e) {
        log.warn("a flush is still in flight while giving up partitions; it may land late");
      }
    }
    landFinishedFlush(kafka);
    inFlight = null;
  }

  private void landFinishedFlush(Consumer<String, byte[]> kafka) {
    InFlight current = inFlight;
    if (current == null || !current.done().isDone()) {
      return;
    }
    inFlight = null;
    Throwable failure = null;
    try {
      current.done().join();
    } catch (CompletionException e) {
      failure = e.getCause();
    } catch (CancellationException e) {
      failure = e;
    }
    if (failure instanceof InterruptedException || failure instanceof CancellationException) {
      return; // abandoned on purpose: stopping, or partitions moving
    }
    if (failure != null) {
      // Not landed (an unexpected failure): the offsets stay uncommitted; start over from them.
      log.error("a flush failed unexpectedly; re-reading the log", failure);
      restart(kafka);
      return;
    }
    if (current.generation() != generation || current.offsets().isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    Set<TopicPartition> assigned = kafka.assignment();
    current
        .offsets()
        .forEach(
            (partition, offset) -> {
              if (assigned.contains(partition)) {
                commit.put(partition, new OffsetAndMetadata(offset));
              }
            });
    try {
      kafka.commitSync(commit);
      commit.forEach((partition, offset) -> landed.merge(partition, offset.offset(), Math::max));
    } catch (KafkaException e) {
      log.warn(
          "committing projected offsets failed ({}); they will be projected again", e.toString());
    }
  }

  /** Drops everything in memory and folds the log again from offset 0. */
  private void restart(Consumer<String, byte[]> kafka) {
    reset();
    Set<TopicPartition> assigned = kafka.assignment();
    rewind(kafka, assigned);
  }

  private void reset() {
    generation++;
    states.clear();
    backlog.clear();
    open = new PendingBatch();
    openOffsets = new HashMap<>();
    projection.forgetMetadataIds();
  }

  private void rewind(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(new HashSet<>(partitions));
    Map<TopicPartition, Long> projectFrom = new HashMap<>();
    landed.clear();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      long from = offset == null ? 0 : offset.offset();
      projectFrom.put(partition, from);
      landed.put(partition, from);
    }
    rebuild = TopicRead.to(kafka, projectFrom);
    kafka.resume(kafka.paused());
    log.info(
        "rebuilding spool state from offset 0 of {}; projecting from {}", partitions, projectFrom);
  }

  /** The first offset of {@code partition} that is projected, not only folded. */
  private long projectFrom(TopicPartition partition) {
    TopicRead<String, byte[]> below = rebuild;
    return below == null ? 0 : below.end(partition);
  }

  private void updateLag(Consumer<String, byte[]> kafka, Instant now) {
    if (now.isBefore(nextLagCheck)) {
      return;
    }
    nextLagCheck = now.plus(settings.lagInterval());
    Set<TopicPartition> assigned = kafka.assignment();
    if (assigned.isEmpty()) {
      return;
    }
    try {
      Map<TopicPartition, Long> ends = kafka.endOffsets(assigned, Duration.ofSeconds(1));
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        lag += Math.max(0, end.getValue() - landed.getOrDefault(end.getKey(), 0L));
      }
      status.lag(lag);
    } catch (KafkaException e) {
      log.debug("could not read end offsets for the lag: {}", e.toString());
    }
  }

  /**
   * Any rebalance drops the in-memory state and rebuilds it from offset 0 for the whole new
   * assignment (whatever the assignor), so a spool's state never misses events another instance
   * projected meanwhile. Rebalances are rare (instances starting and stopping); the fold is cheap.
   */
  private final class Rebalance implements ConsumerRebalanceListener {
    private final Consumer<String, byte[]> kafka;

    Rebalance(Consumer<String, byte[]> kafka) {
      this.kafka = kafka;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        settleInFlight(kafka);
        reset();
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      settleInFlight(kafka);
      reset();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      reset();
      rewind(kafka, kafka.assignment());
    }
  }
}
