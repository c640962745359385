package cl.zeues.occupation.views.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.testing.ShopLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseHubTest {

  static final Duration WAIT = Duration.ofSeconds(20);

  /** Polled every 5 ms rather than Awaitility's 100 ms: these hubs deliver in microseconds. */
  static ConditionFactory soon() {
    return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(WAIT);
  }

  final List<SseHub> hubs = new ArrayList<>();
  final OccupationViews views = new OccupationViews();
  final List<String> ids = new ArrayList<>();
  final ShopLog log = new ShopLog(3);
  final List<String> tags = ShopLog.tags("4001", 20);
  final List<Worker> workers = ShopLog.workers(6).stream().map(WorkerCatalogEntry::worker).toList();

  @AfterEach
  void closeHubs() {
    hubs.forEach(SseHub::closeAll);
  }

  SseHub hub(int maxConnections, int bufferSize, int replaySize, Duration heartbeat) {
    SseHub hub =
        new SseHub(
            maxConnections,
            bufferSize,
            replaySize,
            heartbeat,
            Duration.ofSeconds(1),
            update -> "data-" + update.id());
    hubs.add(hub);
    return hub;
  }

  SseHub hub() {
    return hub(10, 100, 1_000, Duration.ofMinutes(1));
  }

  /** {@code count} more real changes of the view, told to {@code hub}. */
  void publish(SseHub hub, int count) {
    int from = log.events().size();
    log.randomWalk(tags, workers, count);
    for (OccupationEvent event : log.events().subList(from, log.events().size())) {
      if (views.apply(event) instanceof OccupationViews.Applied.Changed changed) {
        hub.changed(changed.event(), changed.view());
        ids.add(event.eventId().toString());
      }
    }
  }

  @Test
  void everyClientGetsEveryUpdateInTheOrderTheViewAppliedThem() {
    SseHub hub = hub();
    List<RecordingSink> sinks =
        List.of(new RecordingSink(), new RecordingSink(), new RecordingSink());
    sinks.forEach(sink -> hub.open(null, sink));

    publish(hub, 60);

    for (RecordingSink sink : sinks) {
      soon().until(() -> sink.ids.size() == ids.size());
      assertThat(sink.ids).containsExactlyElementsOf(ids);
      assertThat(sink.messages.getFirst()).isEqualTo("open");
    }
  }

  @Test
  void aClientResumingWithLastEventIdGetsExactlyWhatItMissed() {
    SseHub hub = hub();
    RecordingSink first = new RecordingSink();
    SseConnection connection = hub.open(null, first);
    publish(hub, 10);
    soon().until(() -> first.ids.size() == ids.size());
    connection.close();
    soon().until(() -> hub.connectionCount() == 0);
    int seen = ids.size();

    publish(hub, 15);
    RecordingSink resumed = new RecordingSink();
    hub.open(first.ids.getLast(), resumed);
    publish(hub, 5);

    soon().until(() -> resumed.ids.size() == ids.size() - seen);
    assertThat(resumed.ids).containsExactlyElementsOf(ids.subList(seen, ids.size()));
    assertThat(resumed.messages).doesNotContain("reset");
  }

  @Test
  void anIdTheJournalNoLongerHoldsIsAnsweredWithAReset() {
    SseHub hub = hub(10, 100, 5, Duration.ofMinutes(1));
    publish(hub, 20);

    RecordingSink evicted = new RecordingSink();
    hub.open(ids.getFirst(), evicted);
    RecordingSink garbage = new RecordingSink();
    hub.open("not-an-id", garbage);

    soon().until(() -> evicted.messages.contains("reset"));
    soon().until(() -> garbage.messages.contains("reset"));
    assertThat(evicted.ids).isEmpty();
    assertThat(hub.resetCount()).isEqualTo(2);
  }

  @Test
  void overTheMaximumAConnectionIsRefusedAtOnceAndAFreedSlotIsReused() {
    SseHub hub = hub(2, 100, 100, Duration.ofMinutes(1));
    SseConnection one = hub.open(null, new RecordingSink());
    hub.open(null, new RecordingSink());

    assertThatThrownBy(() -> hub.open(null, new RecordingSink()))
        .isInstanceOf(SseHub.TooManyConnectionsException.class);
    assertThat(hub.refusedCount()).isEqualTo(1);

    one.close();
    soon().until(() -> hub.connectionCount() == 1);
    hub.open(null, new RecordingSink());
    assertThat(hub.connectionCount()).isEqualTo(2);
  }

  @Test
  void aSlowClientIsDroppedAndCountedWithoutHoldingUpTheOthersAndCanResume() {
    SseHub hub = hub(10, 4, 1_000, Duration.ofMinutes(1));
    CountDownLatch stuck = new CountDownLatch(1);
    RecordingSink slow = new RecordingSink(stuck);
    RecordingSink fast = new RecordingSink();
    hub.open(null, slow);
    hub.open(null, fast);
    publish(hub, 1);
    soon().until(() -> slow.blocked);

    // in steps the fast client keeps up with (3 < its buffer of 4); the slow one reads nothing
    for (int step = 0; step < 10; step++) {
      publish(hub, 3);
      soon().until(() -> fast.ids.size() == ids.size());
    }

    assertThat(hub.droppedCount()).isEqualTo(1);
    assertThat(fast.ids).containsExactlyElementsOf(ids);
    stuck.countDown();
    soon().until(() -> slow.closed);
    assertThat(slow.messages).last().isEqualTo("dropped");
    assertThat(hub.connectionCount()).isEqualTo(1);

    RecordingSink resumed = new RecordingSink();
    hub.open(slow.ids.getLast(), resumed);
    int missed = ids.size() - slow.ids.size();
    soon().until(() -> resumed.ids.size() == missed);
    assertThat(slow.ids).containsExactly(ids.getFirst());
    assertThat(resumed.ids).isEqualTo(ids.subList(1, ids.size()));
  }

  @Test
  void anIdleConnectionGetsHeartbeats() {
    SseHub hub = hub(10, 10, 10, Duration.ofMillis(20));
    RecordingSink idle = new RecordingSink();
    hub.open(null, idle);

    soon().until(() -> idle.messages.stream().filter("ping"::equals).count() >= 2);
  }
}
