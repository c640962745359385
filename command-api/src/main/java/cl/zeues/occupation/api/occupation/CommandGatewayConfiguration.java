package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.api.RulesSettings;
import cl.zeues.occupation.events.JsonCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the occupation feature's core to whichever {@link CommandBus} and store are present. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiSettings.class, RulesSettings.class})
public class CommandGatewayConfiguration {

  @Bean
  CommandGateway commandGateway(
      CommandBus bus,
      StatusReader statuses,
      WorkerDirectory workers,
      Clock clock,
      ApiSettings settings,
      RulesSettings rules,
      MeterRegistry meters,
      ObjectProvider<AnsweredVersions> answered) {
    return new CommandGateway(
        new InFlightLimit(bus, settings.maxInFlight(), meters),
        statuses,
        workers,
        new RolePolicy(rules.enforceRoles()),
        clock,
        settings.replyTimeout(),
        meters,
        answered.getIfAvailable(() -> AnsweredVersions.NONE));
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
