package cl.zeues.occupation.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spans leave the process only when the one setting names a collector: without it no exporter
 * exists, so tracing sends nothing anywhere.
 */
class TraceExportSettingIT {

  @Test
  void noSpanExporterUnlessTheOtlpEndpointIsSet() {
    try (ConfigurableApplicationContext service = run()) {
      assertThat(service.getBeansOfType(SpanExporter.class)).isEmpty();
      // Nor are logs sent over OTLP (the starter could; no endpoint, no exporter).
      assertThat(service.getBeansOfType(LogRecordExporter.class)).isEmpty();
    }
    try (ConfigurableApplicationContext service =
        run("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:1/v1/traces")) {
      assertThat(service.getBeansOfType(SpanExporter.class).values())
          .singleElement()
          .satisfies(exporter -> assertThat(exporter.getClass().getSimpleName()).contains("Otlp"));
    }
  }

  private static ConfigurableApplicationContext run(String... properties) {
    return new SpringApplicationBuilder(StructuredCommandLogIT.Service.class)
        .web(WebApplicationType.NONE)
        .properties(properties)
        .run();
  }
}
