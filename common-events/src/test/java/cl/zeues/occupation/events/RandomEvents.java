package cl.zeues.occupation.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Events of every type with random values from a fixed seed: any operation, nulls where a component
 * allows them, instants at second, milli, micro and nano precision, names with accents, quotes,
 * backslashes, control characters and characters outside the BMP (escaped or multi-byte in JSON).
 */
final class RandomEvents {

  private static final List<String> NAMES =
      List.of(
          "Juan Perez",
          "José Ñúñez Soto",
          "Ana",
          "Łukasz \"el Polaco\" Nowak",
          "back\\slash",
          "tab\tnew\nline",
          "emoji \uD83D\uDD27 llave",
          "");
  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
  // Instant.toString() writes years 0000..9999 with four digits and no sign.
  private static final long FIRST_YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long AFTER_YEAR_9999 =
      Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
  private static final int EVENT_TYPES = 8;

  private final Random random;

  RandomEvents(long seed) {
    this.random = new Random(seed);
  }

  /** A link of the chain: any 64 hex digits. */
  private String hash() {
    return String.format(
        "%016x%016x%016x%016x",
        random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  OccupationEvent next() {
    UUID eventId = uuid();
    UUID commandId = uuid();
    String tag = tag();
    long version = random.nextInt(20) == 0 ? random.nextLong() : 1 + random.nextInt(1_000);
    Worker worker = worker();
    Operacion operacion = oneOf(Operacion.values());
    UUID occupationId = random.nextInt(4) == 0 ? commandId : uuid();
    Instant at = instant();
    return switch (random.nextInt(EVENT_TYPES)) {
      case 0 ->
          new OccupationEvent.SpoolTomado(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              nullable(instant()),
              random.nextBoolean(),
              nullable(date()),
              nullable(name()),
              ciclo(),
              nullable(name()),
              nullable(hash()));
      case 1 ->
          new OccupationEvent.SpoolPausado(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              instant(),
              ciclo(),
              nullable(name()),
              nullable(hash()));
      case 2 ->
          new OccupationEvent.SpoolCompletado(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              instant(),
              date(),
              ciclo(),
              nullable(name()),
              nullable(hash()));
      case 3 ->
          new OccupationEvent.SpoolCancelado(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              instant(),
              ciclo(),
              nullable(name()),
              nullable(hash()));
      case 4 ->
          new OccupationEvent.OcupacionExpirada(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              instant(),
              instant(),
              ciclo(),
              nullable(name()),
              nullable(hash()));
      case 5 ->
          new OccupationEvent.OcupacionLiberada(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              instant(),
              name(),
              nullable(name()),
              ciclo(),
              nullable(name()),
              nullable(hash()));
      case 6 ->
          new OccupationEvent.MetrologiaCompletada(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              oneOf(Resultado.values()),
              random.nextInt(OccupationEvent.MAX_CICLOS + 1),
              date(),
              nullable(name()),
              nullable(hash()));
      default ->
          new OccupationEvent.SpoolDesbloqueado(
              eventId,
              commandId,
              tag,
              version,
              worker,
              operacion,
              occupationId,
              at,
              name(),
              nullable(name()),
              random.nextInt(20) == 0 ? random.nextInt() : OccupationEvent.MAX_CICLOS,
              nullable(name()),
              nullable(hash()));
    };
  }

  private UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  private String tag() {
    // String.formatted would be a third of this generator's time
    return "MK-"
        + random.nextInt(10_000)
        + "-CW-"
        + random.nextInt(100_000)
        + "-0"
        + random.nextInt(100);
  }

  private Worker worker() {
    int id = random.nextInt(10) == 0 ? random.nextInt() : random.nextInt(500);
    return random.nextInt(10) == 0
        ? Worker.supervisor("admin " + id)
        : new Worker(id, name(), "XX(" + id + ")");
  }

  private String name() {
    return oneOf(NAMES.toArray(String[]::new));
  }

  private @Nullable Integer ciclo() {
    return random.nextBoolean() ? null : 1 + random.nextInt(OccupationEvent.MAX_CICLOS);
  }

  private Instant instant() {
    Instant at =
        random.nextInt(10) == 0
            ? Instant.ofEpochSecond(random.nextLong(FIRST_YEAR_0, AFTER_YEAR_9999))
            : EPOCH.plusSeconds(random.nextInt(400_000_000));
    return switch (random.nextInt(4)) {
      case 0 -> at;
      case 1 -> at.plusMillis(random.nextInt(1_000));
      case 2 -> at.plusNanos(1_000L * random.nextInt(1_000_000));
      default -> at.plusNanos(random.nextInt(1_000_000_000));
    };
  }

  private LocalDate date() {
    return LocalDate.ofEpochDay(random.nextInt(20_000));
  }

  private <T> @Nullable T nullable(T value) {
    return random.nextInt(3) == 0 ? null : value;
  }

  private <T> T oneOf(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
