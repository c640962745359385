package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.sheets.client.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The projection's meters: {@code zeues.projection.lag} (events in the log not yet in the sheet),
 * {@code zeues.projection.sheets.requests} (by {@code kind} and {@code outcome}), {@code
 * zeues.projection.sheets.rate.limited} (429s), {@code zeues.projection.events.per.request} (events
 * landed per write request of a flush), {@code zeues.projection.events} (events landed) and {@code
 * zeues.projection.flush} (time to land a flush, retries included) and {@code
 * zeues.projection.metadata.chain.forks} (appends that landed below another writer's rows, so the
 * {@code Metadata} hash chain forks there).
 */
final class ProjectionMetrics implements RequestListener {

  static final String REQUESTS = "zeues.projection.sheets.requests";

  private final MeterRegistry registry;
  private final Counter rateLimited;
  private final Counter events;
  private final DistributionSummary eventsPerRequest;
  private final Timer flush;
  private final Counter chainForks;

  ProjectionMetrics(MeterRegistry registry, ProjectionStatus status) {
    this.registry = registry;
    Gauge.builder("zeues.projection.lag", status, ProjectionStatus::lag)
        .description("Events in occupation.events not yet landed in the sheets")
        .baseUnit("events")
        .register(registry);
    rateLimited =
        Counter.builder("zeues.projection.sheets.rate.limited")
            .description("Sheets requests answered 429")
            .register(registry);
    events =
        Counter.builder("zeues.projection.events")
            .description("Events landed in the sheets")
            .baseUnit("events")
            .register(registry);
    eventsPerRequest =
        DistributionSummary.builder("zeues.projection.events.per.request")
            .description("Events landed per Sheets write request, per flush")
            .register(registry);
    flush =
        Timer.builder("zeues.projection.flush")
            .description("Time to land one flush, retries included")
            .register(registry);
    chainForks =
        Counter.builder("zeues.projection.metadata.chain.forks")
            .description("Metadata appends that landed below another writer's rows")
            .register(registry);
  }

  @Override
  public void requested(String kind, Outcome outcome) {
    registry.counter(REQUESTS, "kind", kind, "outcome", outcome.tag()).increment();
    if (outcome == Outcome.RATE_LIMITED) {
      rateLimited.increment();
    }
  }

  void chainForked() {
    chainForks.increment();
  }

  void landed(int eventCount, int writeRequests, Duration took) {
    events.increment(eventCount);
    if (writeRequests > 0 && eventCount > 0) {
      eventsPerRequest.record((double) eventCount / writeRequests);
    }
    flush.record(took);
  }
}
