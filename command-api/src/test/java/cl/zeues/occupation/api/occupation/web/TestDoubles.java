package cl.zeues.occupation.api.occupation.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The ports replaced by test doubles, for the web slice tests. */
@TestConfiguration(proxyBeanMethods = false)
class TestDoubles {

  @Bean
  FakeCommandBus fakeCommandBus() {
    return new FakeCommandBus();
  }

  @Bean
  FakeOccupationStore fakeOccupationStore() {
    return new FakeOccupationStore();
  }

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
