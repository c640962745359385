package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.events.JsonCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the decision core; the adapters' configurations supply the ports. */
@Configuration(proxyBeanMethods = false)
class OccupationConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  JsonCodec jsonCodec() {
    return new JsonCodec();
  }

  @Bean
  OccupationDecider occupationDecider(ProcessorSettings settings) {
    return new OccupationDecider(new OccupationPolicy(settings.lease(), OccupationPolicy.SANTIAGO));
  }

  @Bean
  ConflictService conflictService(ProcessorSettings settings, MeterRegistry registry) {
    return new ConflictService(
        settings.retry().policy(),
        registry,
        duration -> Thread.sleep(duration),
        RandomGenerator.getDefault());
  }

  @Bean
  StoreRecovery storeRecovery(
      OccupationStore store,
      EventLog eventLog,
      Clock clock,
      ProcessorSettings settings,
      MeterRegistry registry) {
    return new StoreRecovery(
        store, eventLog, clock, settings.lockGrace(), settings.recordRetention(), registry);
  }

  @Bean
  OccupationService occupationService(
      OccupationDecider decider,
      OccupationStore store,
      SpoolCatalog catalog,
      ConflictService conflicts,
      Clock clock,
      ProcessorSettings settings,
      MeterRegistry registry) {
    return new OccupationService(
        decider, store, catalog, conflicts, clock, settings.lockGrace(), registry);
  }
}
