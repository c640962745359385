package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each wire type against a golden JSON file: the JSON we write must equal the file byte for byte
 * (so any change to the wire form is a visible diff), and reading the file must give the record.
 * After a deliberate, additive change, regenerate with {@code -Dgolden.update=true} and review the
 * diff.
 */
class JsonCodecTest {

  static final UUID COMMAND = UUID.fromString("11111111-1111-1111-1111-111111111111");
  static final UUID EVENT = UUID.fromString("22222222-2222-2222-2222-222222222222");
  static final UUID OCCUPATION = UUID.fromString("33333333-3333-3333-3333-333333333333");
  static final Instant AT = Instant.parse("2026-11-27T12:30:00Z");
  static final Instant SINCE = Instant.parse("2026-11-27T09:00:00Z");
  static final Worker JUAN = Worker.of(94, "Juan Perez");
  static final String TAG = "MK-1335-CW-25238-011";
  static final String DEVICE = "44444444-4444-4444-4444-444444444444";

  final JsonCodec codec = new JsonCodec();

  static Stream<Arguments> goldens() {
    return Stream.of(
        Arguments.of(
            "command-tomar.json",
            CommandTypes.COMMAND,
            new OccupationCommand.Tomar(COMMAND, TAG, JUAN, Operacion.ARM, AT)),
        Arguments.of(
            "command-completar.json",
            CommandTypes.COMMAND,
            new OccupationCommand.Completar(
                COMMAND, TAG, JUAN, null, LocalDate.parse("2026-11-26"), AT)),
        Arguments.of(
            "command-expirar.json",
            CommandTypes.COMMAND,
            new OccupationCommand.ExpirarOcupacion(COMMAND, TAG, OCCUPATION, AT)),
        Arguments.of(
            "command-liberar.json",
            CommandTypes.COMMAND,
            new OccupationCommand.LiberarOcupacion(COMMAND, TAG, "admin", "turno terminado", AT)),
        Arguments.of(
            "event-spool-tomado.json",
            CommandTypes.EVENT,
            new OccupationEvent.SpoolTomado(
                EVENT,
                COMMAND,
                TAG,
                1,
                JUAN,
                Operacion.ARM,
                OCCUPATION,
                AT,
                AT.plusSeconds(12 * 3600),
                false,
                LocalDate.parse("2026-10-01"),
                null,
                null)),
        Arguments.of(
            "event-spool-pausado.json",
            CommandTypes.EVENT,
            new OccupationEvent.SpoolPausado(
                EVENT, COMMAND, TAG, 2, JUAN, Operacion.ARM, OCCUPATION, AT, SINCE, null)),
        Arguments.of(
            "event-spool-pausado-chained.json",
            CommandTypes.EVENT,
            new OccupationEvent.SpoolPausado(
                EVENT,
                COMMAND,
                TAG,
                2,
                JUAN,
                Operacion.ARM,
                OCCUPATION,
                AT,
                SINCE,
                null,
                DEVICE,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
        Arguments.of(
            "command-tomar-dispositivo.json",
            CommandTypes.COMMAND,
            new OccupationCommand.Tomar(COMMAND, TAG, JUAN, Operacion.ARM, AT, DEVICE)),
        Arguments.of(
            "event-spool-completado.json",
            CommandTypes.EVENT,
            new OccupationEvent.SpoolCompletado(
                EVENT,
                COMMAND,
                TAG,
                3,
                JUAN,
                Operacion.SOLD,
                OCCUPATION,
                AT,
                SINCE,
                LocalDate.parse("2026-11-27"),
                null)),
        Arguments.of(
            "event-spool-cancelado.json",
            CommandTypes.EVENT,
            new OccupationEvent.SpoolCancelado(
                EVENT, COMMAND, TAG, 2, JUAN, Operacion.REPARACION, OCCUPATION, AT, SINCE, 2)),
        Arguments.of(
            "event-ocupacion-expirada.json",
            CommandTypes.EVENT,
            new OccupationEvent.OcupacionExpirada(
                EVENT,
                COMMAND,
                TAG,
                2,
                JUAN,
                Operacion.ARM,
                OCCUPATION,
                AT,
                SINCE,
                SINCE.plusSeconds(12 * 3600),
                null)),
        Arguments.of(
            "event-ocupacion-liberada.json",
            CommandTypes.EVENT,
            new OccupationEvent.OcupacionLiberada(
                EVENT,
                COMMAND,
                TAG,
                2,
                JUAN,
                Operacion.ARM,
                OCCUPATION,
                AT,
                SINCE,
                "admin",
                null,
                null)),
        Arguments.of(
            "event-metrologia-completada.json",
            CommandTypes.EVENT,
            new OccupationEvent.MetrologiaCompletada(
                EVENT,
                COMMAND,
                TAG,
                5,
                JUAN,
                Operacion.METROLOGIA,
                COMMAND,
                AT,
                Resultado.RECHAZADO,
                1,
                LocalDate.parse("2026-11-27"))),
        Arguments.of(
            "event-spool-desbloqueado.json",
            CommandTypes.EVENT,
            new OccupationEvent.SpoolDesbloqueado(
                EVENT,
                COMMAND,
                TAG,
                12,
                Worker.supervisor("admin"),
                Operacion.METROLOGIA,
                COMMAND,
                AT,
                "admin",
                "revisado en terreno",
                3)),
        Arguments.of(
            "command-completar-metrologia.json",
            CommandTypes.COMMAND,
            new OccupationCommand.CompletarMetrologia(
                COMMAND, TAG, JUAN, Resultado.APROBADO, null, AT)),
        Arguments.of(
            "command-desbloquear.json",
            CommandTypes.COMMAND,
            new OccupationCommand.DesbloquearSpool(
                COMMAND, TAG, "admin", "revisado en terreno", AT)),
        Arguments.of(
            "reply-accepted-reparacion.json",
            CommandTypes.REPLY,
            new CommandReply.Accepted(
                COMMAND,
                TAG,
                "Spool " + TAG + " tomado por JP(94)",
                AT,
                7,
                List.of(EVENT),
                "EN_REPARACION (Ciclo 1/3) - Ocupado: JP(94)",
                1)),
        Arguments.of(
            "reply-accepted.json",
            CommandTypes.REPLY,
            new CommandReply.Accepted(
                COMMAND, TAG, "Spool " + TAG + " tomado por JP(94)", AT, 1, List.of(EVENT))),
        Arguments.of(
            "reply-rejected.json",
            CommandTypes.REPLY,
            new CommandReply.Rejected(
                COMMAND,
                TAG,
                "Spool " + TAG + " ocupado por JP(94)",
                AT,
                RejectionReason.SPOOL_OCCUPIED,
                "JP(94)")),
        Arguments.of(
            "catalog-worker.json",
            WorkerCatalogEntry.class,
            new WorkerCatalogEntry(94, "Juan", "Pérez Soto", true, List.of("Armador", "Ayudante"))),
        Arguments.of(
            "catalog-entry.json",
            SpoolCatalogEntry.class,
            new SpoolCatalogEntry(TAG, LocalDate.parse("2026-10-01"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void writesExactlyTheGoldenJsonAndReadsItBack(String file, Class<?> type, Object value)
      throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(
          Path.of("src/test/resources/golden", file), codec.writeString(value) + "\n");
    }
    String golden = golden(file);

    assertThat(codec.writeString(value)).isEqualTo(golden);
    assertThat(codec.read(golden, type)).isEqualTo(value);
  }

  @Test
  void aCommandWithoutTagIsMalformed() {
    String json =
        """
        {"type":"TOMAR","command_id":"11111111-1111-1111-1111-111111111111",\
        "worker":{"id":94,"nombre":"Juan Perez","token":"JP(94)"},"operacion":"ARM",\
        "requested_at":"2026-11-27T12:30:00Z"}""";

    assertThatThrownBy(() -> codec.read(json, OccupationCommand.class))
        .isInstanceOf(JsonCodec.MalformedRecordException.class)
        .hasMessageContaining("tag_spool");
  }

  @Test
  void anUnknownCommandTypeIsMalformed() {
    assertThatThrownBy(() -> codec.read("{\"type\":\"BORRAR\"}", OccupationCommand.class))
        .isInstanceOf(JsonCodec.MalformedRecordException.class);
  }

  @Test
  void invalidJsonIsMalformed() {
    assertThatThrownBy(() -> codec.read("not json", OccupationCommand.class))
        .isInstanceOf(JsonCodec.MalformedRecordException.class);
  }

  @Test
  void workerTokenIsInitialsAndId() {
    assertThat(Worker.of(94, "juan  pérez soto").token()).isEqualTo("JP(94)");
    assertThat(Worker.of(7, "Ana").token()).isEqualTo("A(7)");
  }

  @Test
  void aCatalogWorkerIsRecordedWithTheSheetsToken() {
    var entry = new WorkerCatalogEntry(94, "Juan Andrés", "Pérez Soto", true, List.of("Armador"));

    assertThat(entry.worker()).isEqualTo(new Worker(94, "Juan Andrés Pérez Soto", "JP(94)"));
  }

  @Test
  void cloudEventHeadersNameTheEvent() {
    var event =
        new OccupationEvent.SpoolPausado(
            EVENT, COMMAND, TAG, 2, JUAN, Operacion.ARM, OCCUPATION, AT, SINCE, null);

    var headers = CloudEventHeaders.of(event);

    assertThat(new String(headers.get("ce_id"), StandardCharsets.UTF_8))
        .isEqualTo(EVENT.toString());
    assertThat(new String(headers.get("ce_type"), StandardCharsets.UTF_8))
        .isEqualTo("cl.zeues.occupation.SpoolPausado.v1");
    assertThat(new String(headers.get("ce_subject"), StandardCharsets.UTF_8)).isEqualTo(TAG);
    assertThat(new String(headers.get("ce_time"), StandardCharsets.UTF_8))
        .isEqualTo("2026-11-27T12:30:00Z");
    assertThat(new String(headers.get("ce_specversion"), StandardCharsets.UTF_8)).isEqualTo("1.0");
    assertThat(headers).containsKey("ce_source");
  }

  private static String golden(String file) throws IOException {
    try (InputStream in = JsonCodecTest.class.getResourceAsStream("/golden/" + file)) {
      if (in == null) {
        throw new IOException("missing golden file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  /** The stream types, named for readability in the table above. */
  static final class CommandTypes {
    static final Class<?> COMMAND = OccupationCommand.class;
    static final Class<?> EVENT = OccupationEvent.class;
    static final Class<?> REPLY = CommandReply.class;
  }
}
