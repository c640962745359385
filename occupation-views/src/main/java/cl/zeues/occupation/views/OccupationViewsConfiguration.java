package cl.zeues.occupation.views;

import cl.zeues.occupation.views.kafka.EventFeed;
import cl.zeues.occupation.views.kafka.ViewsKafkaConfiguration;
import cl.zeues.occupation.views.model.Catalogs;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolQueries;
import cl.zeues.occupation.views.model.StartFilters;
import cl.zeues.occupation.views.sse.SseHub;
import cl.zeues.occupation.views.sse.ViewsSseConfiguration;
import cl.zeues.occupation.views.web.ViewsWebConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything the read side needs, for a host application to {@code @Import}: the view and its Kafka
 * feed, the read routes, the live stream, a readiness indicator ({@code occupationViews}) and
 * metrics ({@code zeues.views.*}). Defines no bean of a general type (no {@code Clock}, {@code
 * JsonCodec}, Kafka client or mapper), so it cannot clash with the host's; it uses the host's
 * {@code Clock} when there is exactly one.
 *
 * <p>For read-your-writes the host calls {@link OccupationViews#answered} on every 200 it gives to
 * a command, with the version the reply carried.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ViewSettings.class)
@Import({ViewsKafkaConfiguration.class, ViewsWebConfiguration.class, ViewsSseConfiguration.class})
public class OccupationViewsConfiguration {

  @Bean
  OccupationViews occupationViews() {
    return new OccupationViews();
  }

  @Bean
  SpoolQueries occupationViewsQueries(
      OccupationViews views,
      Catalogs catalogs,
      ViewSettings settings,
      ObjectProvider<Clock> clock) {
    return new SpoolQueries(
        views,
        catalogs,
        new StartFilters(),
        clock.getIfUnique(Clock::systemUTC),
        settings.readYourWritesWait());
  }

  @Bean
  MeterBinder occupationViewsMetrics(
      OccupationViews views,
      EventFeed occupationViewsEventFeed,
      SseHub occupationViewsSseHub,
      SpoolQueries queries) {
    EventFeed feed = occupationViewsEventFeed;
    SseHub hub = occupationViewsSseHub;
    return registry -> {
      Gauge.builder("zeues.views.spools", views, OccupationViews::size)
          .description("Spools the view holds (touched by at least one event)")
          .register(registry);
      FunctionCounter.builder("zeues.views.events.applied", views, OccupationViews::appliedCount)
          .description("Events folded into the view")
          .register(registry);
      for (OccupationViews.Skip reason : OccupationViews.Skip.values()) {
        FunctionCounter.builder("zeues.views.events.skipped", views, v -> v.skippedCount(reason))
            .tag("reason", reason.name())
            .description("Events that did not change the view")
            .register(registry);
      }
      FunctionCounter.builder("zeues.views.events.skipped", feed, EventFeed::malformedCount)
          .tag("reason", "MALFORMED")
          .description("Events that did not change the view")
          .register(registry);
      TimeGauge.builder(
              "zeues.views.rebuild.time",
              feed,
              TimeUnit.MILLISECONDS,
              f -> {
                Duration time = f.rebuildTime();
                return time == null ? Double.NaN : time.toMillis();
              })
          .description("How long the first full read of the log took")
          .register(registry);
      FunctionCounter.builder("zeues.views.reads.stale", queries, SpoolQueries::staleCount)
          .description("Reads answered before the view reached a version the API had answered")
          .register(registry);
      Gauge.builder("zeues.views.sse.connections", hub, SseHub::connectionCount)
          .description("Open live-stream connections")
          .register(registry);
      FunctionCounter.builder("zeues.views.sse.dropped", hub, SseHub::droppedCount)
          .description("Stream clients dropped for not reading their buffer in time")
          .register(registry);
      FunctionCounter.builder("zeues.views.sse.refused", hub, SseHub::refusedCount)
          .description("Stream connections refused over the maximum")
          .register(registry);
      FunctionCounter.builder("zeues.views.sse.resets", hub, SseHub::resetCount)
          .description("Resumes answered with a reset (Last-Event-ID no longer known)")
          .register(registry);
    };
  }
}
