package cl.zeues.occupation.systemtests;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every span the services of this JVM finish, handed over by their own OpenTelemetry SDK: a
 * configuration each service takes as an extra source, whose {@link SpanProcessor} bean Spring Boot
 * adds to that service's tracer. The service a span comes from is its resource's {@code
 * service.name} (the application name).
 */
@Configuration(proxyBeanMethods = false)
class CapturedSpans {

  private static final Queue<SpanData> FINISHED = new ConcurrentLinkedQueue<>();

  static List<SpanData> finished() {
    return List.copyOf(FINISHED);
  }

  static void clear() {
    FINISHED.clear();
  }

  @Bean
  SpanProcessor capturedSpansProcessor() {
    return new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {}

      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        FINISHED.add(span.toSpanData());
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
  }
}
