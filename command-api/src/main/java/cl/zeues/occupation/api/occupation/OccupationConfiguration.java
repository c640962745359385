package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.api.ApiProperties;
import cl.zeues.occupation.events.JsonCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the occupation feature's core to whichever {@link CommandBus} and store are present. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class OccupationConfiguration {

  @Bean
  OccupationService occupationService(
      CommandBus bus,
      OccupationStore store,
      WorkerDirectory workers,
      Clock clock,
      ApiProperties settings,
      MeterRegistry meters) {
    return new OccupationService(bus, store, workers, clock, settings.replyTimeout(), meters);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  JsonCodec jsonCodec() {
    return new JsonCodec();
  }
}
