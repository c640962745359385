package cl.zeues.occupation.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The logging keys of one command's path, in the MDC while its handling runs and restored when it
 * ends: {@code command_id}, {@code tag_spool} and {@code trace_id} (the trace current when the
 * context opens, so the API's request, the processor's decision and the projector's row of one
 * command share it). Open it on the thread that handles the command, inside the command's span;
 * structured logs (ECS) carry MDC entries as fields of every line.
 */
public final class CommandLogContext implements AutoCloseable {

  public static final String COMMAND_ID = "command_id";
  public static final String TAG_SPOOL = "tag_spool";
  public static final String TRACE_ID = "trace_id";

  private final @Nullable String previousCommand;
  private final @Nullable String previousTag;
  private final @Nullable String previousTrace;

  private CommandLogContext() {
    previousCommand = MDC.get(COMMAND_ID);
    previousTag = MDC.get(TAG_SPOOL);
    previousTrace = MDC.get(TRACE_ID);
  }

  /** Names the command (when known yet) and its spool on every line logged until closed. */
  public static CommandLogContext open(@Nullable UUID commandId, @Nullable String tagSpool) {
    CommandLogContext context = new CommandLogContext();
    put(COMMAND_ID, commandId == null ? null : commandId.toString());
    put(TAG_SPOOL, tagSpool);
    SpanContext span = Span.current().getSpanContext();
    put(TRACE_ID, span.isValid() ? span.getTraceId() : null);
    return context;
  }

  /** Names the command once it has been read, within the context already open on this thread. */
  public static void commandId(UUID commandId) {
    MDC.put(COMMAND_ID, commandId.toString());
  }

  @Override
  public void close() {
    put(COMMAND_ID, previousCommand);
    put(TAG_SPOOL, previousTag);
    put(TRACE_ID, previousTrace);
  }

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
