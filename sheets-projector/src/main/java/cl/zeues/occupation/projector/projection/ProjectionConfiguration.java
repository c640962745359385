package cl.zeues.occupation.projector.projection;

import cl.zeues.occupation.projector.sheets.SheetsSettings;
import cl.zeues.occupation.sheets.client.Backoff;
import cl.zeues.occupation.sheets.client.SheetRequests;
import cl.zeues.occupation.sheets.client.WriteRateLimiter;
import cl.zeues.occupation.tracing.ConsumedRecordTracing;
import com.google.api.services.sheets.v4.Sheets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the projection: a plain Kafka consumer (Boot's {@code spring.kafka.*} connection settings,
 * our own group, read_committed, manual commits), the Sheets writer over the shared client, the
 * write budget, and readiness.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zeues.projection.enabled", matchIfMissing = true)
class ProjectionConfiguration {

  @Bean
  ProjectionStatus sheetsProjectionHealthIndicator() {
    return new ProjectionStatus();
  }

  @Bean
  ProjectionMetrics projectionMetrics(MeterRegistry registry, ProjectionStatus status) {
    return new ProjectionMetrics(registry, status);
  }

  @Bean
  SheetsProjection sheetsProjection(
      Sheets sheets,
      SheetsSettings sheetsSettings,
      ProjectionSettings settings,
      ProjectionStatus status,
      ProjectionMetrics metrics) {
    SheetRequests requests =
        new SheetRequests(
            sheets,
            sheetsSettings.spreadsheetId(),
            new WriteRateLimiter(sheetsSettings.writesPerMinute(), settings.rateWindow()),
            new Backoff(settings.backoffInitial(), settings.backoffMax()),
            metrics);
    return new SheetsProjection(
        requests, sheetsSettings, settings, status, metrics, Clock.systemUTC());
  }

  @Bean
  EventsProjector eventsProjector(
      KafkaProperties kafka,
      SheetsProjection projection,
      ProjectionSettings settings,
      ProjectionStatus status,
      ObservationRegistry observations) {
    Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxEvents());
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-projection");
    return new EventsProjector(
        () ->
            new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer()),
        projection,
        settings,
        status,
        Clock.systemUTC(),
        new ConsumedRecordTracing(observations));
  }
}
