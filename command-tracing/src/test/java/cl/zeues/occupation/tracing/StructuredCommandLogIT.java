package cl.zeues.occupation.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A line logged while a consumed record is handled, through Spring Boot's own tracing and ECS
 * structured logging (as the deployed services log): it names the command, its spool and the trace
 * the producer's {@code traceparent} started, and the record's span is that trace's child.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredCommandLogIT {

  private static final Logger log = LoggerFactory.getLogger(StructuredCommandLogIT.class);

  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String PRODUCER_SPAN = "00f067aa0ba902b7";

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Service {}

  @Test
  void aLineLoggedWhileACommandIsHandledCarriesItsCommandSpoolAndTrace(CapturedOutput output) {
    UUID command = UUID.randomUUID();
    try (ConfigurableApplicationContext service =
        new SpringApplicationBuilder(Service.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.application.name=processor-under-test",
                "logging.structured.format.console=ecs",
                "management.tracing.sampling.probability=1.0",
                "zeues.tracing.log-spans=true")
            .run()) {
      ConsumerRecord<String, byte[]> record =
          new ConsumerRecord<>("occupation.commands", 2, 41L, "MK-1335-CW-25238-011", new byte[0]);
      record
          .headers()
          .add(
              "traceparent",
              ("00-" + TRACE + "-" + PRODUCER_SPAN + "-01").getBytes(StandardCharsets.UTF_8));

      new ConsumedRecordTracing(service.getBean(ObservationRegistry.class))
          .process(
              record,
              () -> {
                CommandLogContext.commandId(command);
                log.info("deciding the command");
              });

      assertThat(MDC.get(CommandLogContext.COMMAND_ID)).isNull();
      assertThat(MDC.get(CommandLogContext.TAG_SPOOL)).isNull();
      assertThat(MDC.get(CommandLogContext.TRACE_ID)).isNull();
    }

    Map<String, Object> line = jsonLine(output, "deciding the command");
    assertThat(line)
        .containsEntry("command_id", command.toString())
        .containsEntry("tag_spool", "MK-1335-CW-25238-011")
        .containsEntry("trace_id", TRACE);
    Map<String, Object> span = jsonLine(output, "span 'occupation.commands process'");
    assertThat((String) span.get("message"))
        .contains("CONSUMER", "trace=" + TRACE, "parent=" + PRODUCER_SPAN);
  }

  private static Map<String, Object> jsonLine(CapturedOutput output, String messageStart) {
    List<Map<String, Object>> lines =
        output
            .getOut()
            .lines()
            .filter(l -> l.startsWith("{"))
            .map(l -> JsonPath.<Map<String, Object>>read(l, "$"))
            .filter(l -> String.valueOf(l.get("message")).startsWith(messageStart))
            .toList();
    assertThat(lines).as(output.getOut()).hasSize(1);
    return lines.getFirst();
  }
}
