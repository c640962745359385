package cl.zeues.occupation.api.security;

import cl.zeues.occupation.api.web.ApiProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The workers' PINs ({@code zeues.security.worker-pins-file}): when set, a command acting as a
 * worker must carry that worker's PIN ({@value #HEADER}), so a device cannot act as a worker whose
 * PIN it does not know. The file is Java properties, one {@code worker_id=<hash>} per line (see
 * {@link PinHash}), read once at start.
 *
 * <p>Refusals are 403 problems naming the reason ({@code PIN_REQUERIDO}, {@code PIN_INCORRECTO},
 * {@code PIN_NO_REGISTRADO}), counted in {@value #REFUSALS}. A device that sent {@code
 * rate-limit.pin-failures} wrong PINs within {@code pin-failure-period} gets 429 {@code
 * PIN_INTENTOS_EXCEDIDOS} with {@code Retry-After} for every PIN it sends until the window refills,
 * right or wrong: at the defaults (5 per 5 minutes) one device needs about a week to try every
 * 4-digit PIN, not minutes.
 */
public final class WorkerPins {

  public static final String HEADER = "X-Worker-Pin";
  static final String REFUSALS = "zeues.api.worker.pin.refusals";
  private static final int MAX_PIN_LENGTH = 64;

  private final Map<Integer, PinHash> pins;
  private final @Nullable DeviceRateLimiters failures;
  private final MeterRegistry meters;

  private WorkerPins(
      Map<Integer, PinHash> pins, @Nullable DeviceRateLimiters failures, MeterRegistry meters) {
    this.pins = Map.copyOf(pins);
    this.failures = failures;
    this.meters = meters;
  }

  /** No PINs: {@link #enabled()} is false and nothing is checked. */
  static WorkerPins off(MeterRegistry meters) {
    return new WorkerPins(Map.of(), null, meters);
  }

  /**
   * @throws IllegalStateException naming the file and the key of a line that is not {@code
   *     <positive worker id>=<PIN hash>} (never its value)
   */
  static WorkerPins load(Path file, DeviceRateLimiters failures, MeterRegistry meters) {
    Properties lines = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      lines.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the worker PIN file " + file, e);
    }
    Map<Integer, PinHash> pins = new HashMap<>();
    for (String key : lines.stringPropertyNames()) {
      int workerId;
      try {
        workerId = Integer.parseInt(key.strip());
      } catch (NumberFormatException e) {
        throw new IllegalStateException(file + ": '" + key + "' is not a worker id");
      }
      if (workerId <= 0) {
        throw new IllegalStateException(file + ": '" + key + "' is not a worker id");
      }
      try {
        pins.put(workerId, PinHash.parse(lines.getProperty(key)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file + ": worker " + key + ": " + e.getMessage());
      }
    }
    return new WorkerPins(pins, failures, meters);
  }

  public boolean enabled() {
    return failures != null;
  }

  /** How many workers have a PIN. */
  public int size() {
    return pins.size();
  }

  /**
   * Passes when {@code pin} is worker {@code workerId}'s PIN (or PINs are off).
   *
   * @param device who sends it ({@link Devices#of}): wrong PINs are limited per device
   * @throws ApiProblemException 403 when the PIN is missing, wrong or not on file; 429 when the
   *     device sent too many wrong ones lately
   */
  public void check(int workerId, @Nullable String pin, String device) {
    DeviceRateLimiters limits = failures;
    if (limits == null) {
      return;
    }
    Optional<Duration> locked = limits.exhausted(device);
    if (locked.isPresent()) {
      throw refusal(
          HttpStatus.TOO_MANY_REQUESTS,
          "PIN_INTENTOS_EXCEDIDOS",
          "Demasiados PIN incorrectos desde este dispositivo; reintente en "
              + ApiProblemException.retryAfterSecondsOf(locked.get())
              + " s",
          locked.get());
    }
    if (pin == null || pin.isBlank()) {
      throw refusal(
          HttpStatus.FORBIDDEN,
          "PIN_REQUERIDO",
          "Falta el PIN del trabajador " + workerId + " (cabecera " + HEADER + ")",
          null);
    }
    PinHash hash = pins.get(workerId);
    if (hash == null) {
      throw refusal(
          HttpStatus.FORBIDDEN,
          "PIN_NO_REGISTRADO",
          "El trabajador " + workerId + " no tiene PIN registrado; pídalo a un supervisor",
          null);
    }
    if (pin.length() > MAX_PIN_LENGTH || !hash.matches(pin)) {
      limits.acquire(device);
      throw refusal(
          HttpStatus.FORBIDDEN,
          "PIN_INCORRECTO",
          "El PIN no corresponde al trabajador " + workerId,
          null);
    }
  }

  private ApiProblemException refusal(
      HttpStatus status, String code, String detail, @Nullable Duration retryAfter) {
    Counter.builder(REFUSALS)
        .description("Commands refused for their worker PIN, by reason")
        .tag("reason", code)
        .register(meters)
        .increment();
    return new ApiProblemException(status, code, detail, retryAfter);
  }
}
