package cl.zeues.occupation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.sheets.ShopSpreadsheet;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One TOMAR over HTTP is one trace across the services, followed from the spans each service's own
 * OpenTelemetry SDK finishes (real broker, real Redis, the projector writing to the emulator): the
 * API's request, its send to {@code occupation.commands}, the processor's decision, its sends to
 * {@code occupation.events} and {@code occupation.replies}, the API's receipt of the reply and the
 * projector's handling of the event, each the child of the one before it.
 */
class CommandTraceIT {

  static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
  static final String TAG = "TRACE-" + RUN + "-001";
  static final String WARM_UP = "TRACE-" + RUN + "-002";
  static final List<String> BATCH = List.of("TRACE-" + RUN + "-003", "TRACE-" + RUN + "-004");

  static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

  /** The topic a producer span sent to. */
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");

  /** The topic a consumer span read from. */
  static final AttributeKey<String> SOURCE = AttributeKey.stringKey("messaging.source.name");

  static ZeuesSystem system;

  @BeforeAll
  static void start() {
    // Every service started here takes CapturedSpans as an extra source (Spring Boot's
    // spring.main.sources); only while they start, so other tests' services never see it.
    System.setProperty("spring.main.sources", CapturedSpans.class.getName());
    try {
      system = ZeuesSystem.start(1);
      system.startSheets(
          new ShopSpreadsheet()
              .spool(TAG, "01-10-2026")
              .spool(WARM_UP, "01-10-2026")
              .spool(BATCH.get(0), "01-10-2026")
              .spool(BATCH.get(1), "01-10-2026")
              .worker(94, "Juan", "Pérez", true, "Armador"));
    } finally {
      System.clearProperty("spring.main.sources");
    }
    system.importCatalog();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void oneTomarIsOneTraceFromTheRequestToTheProjectedRow() {
    // The first command of fresh services pays their class loading: the traced one is the second.
    assertThat(tomar(WARM_UP).status()).isEqualTo(200);
    CapturedSpans.clear();
    ZeuesSystem.Response tomar = tomar(TAG);
    assertThat(tomar.status()).as(tomar.body()).isEqualTo(200);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              SpanData request = serverSpan("/api/occupation/tomar");
              List<SpanData> trace = trace(request.getTraceId());
              assertThat(trace)
                  .extracting(CommandTraceIT::describe)
                  .contains(
                      "command-api SERVER",
                      "command-api PRODUCER occupation.commands",
                      "occupation-processor CONSUMER occupation.commands",
                      "occupation-processor PRODUCER occupation.events",
                      "occupation-processor PRODUCER occupation.replies",
                      "command-api CONSUMER occupation.replies",
                      "sheets-projector CONSUMER occupation.events");
            });

    SpanData request = serverSpan("/api/occupation/tomar");
    List<SpanData> trace = trace(request.getTraceId());
    print(trace);
    Map<String, SpanData> byId =
        trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));

    SpanData commandSent = only(trace, "command-api", SpanKind.PRODUCER, Topics.COMMANDS.name());
    SpanData decided =
        only(trace, "occupation-processor", SpanKind.CONSUMER, Topics.COMMANDS.name());
    SpanData eventSent =
        only(trace, "occupation-processor", SpanKind.PRODUCER, Topics.EVENTS.name());
    SpanData replySent =
        only(trace, "occupation-processor", SpanKind.PRODUCER, Topics.REPLIES.name());
    SpanData replyReceived = only(trace, "command-api", SpanKind.CONSUMER, Topics.REPLIES.name());
    SpanData projected = only(trace, "sheets-projector", SpanKind.CONSUMER, Topics.EVENTS.name());

    // The request is the root; the send happens within it (Spring Security's spans may sit
    // between).
    assertThat(request.getParentSpanContext().isValid()).isFalse();
    assertThat(ancestors(commandSent, byId)).contains(request.getSpanId());
    // Across Kafka, each hop is the direct child of the send whose traceparent it read.
    assertThat(decided.getParentSpanId()).isEqualTo(commandSent.getSpanId());
    assertThat(eventSent.getParentSpanId()).isEqualTo(decided.getSpanId());
    assertThat(replySent.getParentSpanId()).isEqualTo(decided.getSpanId());
    assertThat(replyReceived.getParentSpanId()).isEqualTo(replySent.getSpanId());
    assertThat(projected.getParentSpanId()).isEqualTo(eventSent.getSpanId());
    // Every span of the trace hangs from the request: no orphan, no second root.
    assertThat(trace)
        .filteredOn(span -> span != request)
        .allSatisfy(span -> assertThat(ancestors(span, byId)).endsWith(request.getSpanId()));
  }

  /** The commands of a batch run on threads of their own, each still in the request's trace. */
  @Test
  void everyCommandOfABatchTomarIsInTheRequestsTrace() {
    CapturedSpans.clear();
    ZeuesSystem.Response batch = new Tablets(system).batchTomar(BATCH, 94, Operacion.ARM);
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<SpanData> trace = trace(serverSpan("/api/occupation/batch-tomar").getTraceId());
              assertThat(trace)
                  .extracting(CommandTraceIT::describe)
                  .containsSubsequence(
                      "command-api PRODUCER occupation.commands",
                      "command-api PRODUCER occupation.commands")
                  .filteredOn("occupation-processor CONSUMER occupation.commands"::equals)
                  .hasSize(2);
            });
    SpanData request = serverSpan("/api/occupation/batch-tomar");
    List<SpanData> trace = trace(request.getTraceId());
    print(trace);
    Map<String, SpanData> byId =
        trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    assertThat(trace)
        .filteredOn(span -> span != request)
        .allSatisfy(span -> assertThat(ancestors(span, byId)).endsWith(request.getSpanId()));
  }

  private static ZeuesSystem.Response tomar(String tag) {
    return system.post(
        "/api/occupation/tomar",
        "{\"tag_spool\":\""
            + tag
            + "\",\"worker_id\":94,\"worker_nombre\":\"JP(94)\",\"operacion\":\"ARM\"}");
  }

  private static SpanData serverSpan(String path) {
    List<SpanData> servers =
        CapturedSpans.finished().stream()
            .filter(s -> s.getKind() == SpanKind.SERVER)
            .filter(s -> "command-api".equals(service(s)))
            .filter(s -> s.getName().equals("http post " + path))
            .toList();
    assertThat(servers).as(names(CapturedSpans.finished())).hasSize(1);
    return servers.getFirst();
  }

  private static List<SpanData> trace(String traceId) {
    return CapturedSpans.finished().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .toList();
  }

  private static SpanData only(List<SpanData> trace, String service, SpanKind kind, String topic) {
    List<SpanData> matching =
        trace.stream()
            .filter(s -> service.equals(service(s)) && s.getKind() == kind)
            .filter(s -> topic.equals(topic(s)))
            .toList();
    assertThat(matching).as(service + " " + kind + " " + topic).hasSize(1);
    return matching.getFirst();
  }

  /** The span ids from {@code span}'s parent up to the root, parents first. */
  private static List<String> ancestors(SpanData span, Map<String, SpanData> byId) {
    List<String> chain = new ArrayList<>();
    SpanData current = span;
    while (current.getParentSpanContext().isValid()) {
      String parent = current.getParentSpanId();
      chain.add(parent);
      current = byId.get(parent);
      assertThat(current)
          .as("parent " + parent + " of " + span.getName() + " captured")
          .isNotNull();
    }
    return chain;
  }

  private static String describe(SpanData span) {
    String topic = topic(span);
    return service(span) + " " + span.getKind() + (topic == null ? "" : " " + topic);
  }

  private static @Nullable String topic(SpanData span) {
    return span.getKind() == SpanKind.CONSUMER
        ? span.getAttributes().get(SOURCE)
        : span.getAttributes().get(DESTINATION);
  }

  private static String service(SpanData span) {
    return Objects.requireNonNullElse(span.getResource().getAttribute(SERVICE), "?");
  }

  private static String names(List<SpanData> spans) {
    return spans.stream()
        .map(s -> describe(s) + " '" + s.getName() + "' " + s.getAttributes())
        .collect(Collectors.joining("\n"));
  }

  /** The spans as the closing note quotes them: start offset, duration, service, kind, name. */
  private static void print(List<SpanData> trace) {
    long start = trace.getFirst().getStartEpochNanos();
    StringBuilder out =
        new StringBuilder(trace.getFirst().getName() + ", trace " + trace.getFirst().getTraceId());
    for (SpanData span : trace) {
      out.append(
          String.format(
              Locale.ROOT,
              "%n  +%8.2f ms %8.2f ms  %-20s %-8s %s",
              (span.getStartEpochNanos() - start) / 1e6,
              (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6,
              service(span),
              span.getKind(),
              span.getName()));
    }
    System.out.println(out);
  }
}
