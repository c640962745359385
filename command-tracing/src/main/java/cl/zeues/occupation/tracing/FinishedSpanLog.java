package cl.zeues.occupation.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every finished span (name, kind, duration, trace, span and parent ids) on the thread that
 * ends it: the local stack's way of following a command without a tracing backend. On only with
 * {@code zeues.tracing.log-spans=true}; a log line per span is too much for production.
 */
public final class FinishedSpanLog implements SpanProcessor {

  private static final Logger log = LoggerFactory.getLogger(FinishedSpanLog.class);

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    SpanData data = span.toSpanData();
    log.info(
        "span '{}' {} {} ms trace={} span={} parent={}",
        data.getName(),
        data.getKind(),
        String.format(
            Locale.ROOT, "%.2f", (data.getEndEpochNanos() - data.getStartEpochNanos()) / 1e6),
        data.getTraceId(),
        data.getSpanId(),
        data.getParentSpanId());
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }
}
