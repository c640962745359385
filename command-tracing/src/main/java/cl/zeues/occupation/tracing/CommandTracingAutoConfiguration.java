package cl.zeues.occupation.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * What every service gets from this module: the finished-span log when {@code
 * zeues.tracing.log-spans=true} (Spring Boot adds every {@link SpanProcessor} bean to the tracer).
 */
@AutoConfiguration
@ConditionalOnClass(SpanProcessor.class)
public class CommandTracingAutoConfiguration {

  @Bean
  @ConditionalOnBooleanProperty("zeues.tracing.log-spans")
  FinishedSpanLog finishedSpanLog() {
    return new FinishedSpanLog();
  }
}
