package cl.zeues.occupation.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.api.web.ApiProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCrypt;

class WorkerPinsTest {

  @TempDir Path dir;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  static String sha256(String pin) {
    return "{sha256}" + HexFormat.of().formatHex(PinHash.sha256(pin));
  }

  WorkerPins pins(String content, int failures) throws IOException {
    Path file = dir.resolve("pins.properties");
    Files.writeString(file, content);
    return WorkerPins.load(
        file,
        new DeviceRateLimiters(
            "pins", failures, Duration.ofMinutes(5), 100, Duration.ofMinutes(10)),
        meters);
  }

  static ApiProblemException refusal(Runnable check) {
    try {
      check.run();
    } catch (ApiProblemException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void theRightPinPassesInEitherHashForm() throws IOException {
    WorkerPins pins =
        pins(
            "# worker_id=hash\n93="
                + sha256("4711")
                + "\n94={bcrypt}"
                + BCrypt.hashpw("0815", BCrypt.gensalt(4))
                + "\n",
            5);

    assertThat(pins.enabled()).isTrue();
    assertThat(pins.size()).isEqualTo(2);
    assertThatCode(() -> pins.check(93, "4711", "tablet-a")).doesNotThrowAnyException();
    assertThatCode(() -> pins.check(94, "0815", "tablet-a")).doesNotThrowAnyException();
  }

  @Test
  void eachRefusalNamesItsReason() throws IOException {
    WorkerPins pins = pins("93=" + sha256("4711") + "\n", 5);

    assertThat(refusal(() -> pins.check(93, null, "t")).code()).isEqualTo("PIN_REQUERIDO");
    assertThat(refusal(() -> pins.check(93, " ", "t")).code()).isEqualTo("PIN_REQUERIDO");
    ApiProblemException wrong = refusal(() -> pins.check(93, "1234", "t"));
    assertThat(wrong.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wrong.code()).isEqualTo("PIN_INCORRECTO");
    // worker 94's device giving 93's id with 94's PIN is the same wrong PIN
    assertThat(refusal(() -> pins.check(94, "4711", "t")).code()).isEqualTo("PIN_NO_REGISTRADO");
    assertThat(meters.get(WorkerPins.REFUSALS).tag("reason", "PIN_INCORRECTO").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aDeviceThatSentTooManyWrongPinsIsRefusedEvenTheRightOneWhileOthersGoOn() throws IOException {
    WorkerPins pins = pins("93=" + sha256("4711") + "\n", 3);
    for (int i = 0; i < 3; i++) {
      String guess = "000" + i;
      assertThat(refusal(() -> pins.check(93, guess, "tablet-a")).code())
          .isEqualTo("PIN_INCORRECTO");
    }

    ApiProblemException locked = refusal(() -> pins.check(93, "4711", "tablet-a"));

    assertThat(locked.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(locked.code()).isEqualTo("PIN_INTENTOS_EXCEDIDOS");
    assertThat(locked.retryAfter()).hasValueSatisfying(w -> assertThat(w).isPositive());
    assertThatCode(() -> pins.check(93, "4711", "tablet-b")).doesNotThrowAnyException();
  }

  @Test
  void aLineThatIsNotAHashStopsTheStartWithoutShowingIt() {
    assertThatThrownBy(() -> pins("93=4711\n", 5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("worker 93")
        .hasMessageNotContaining("4711");
    assertThatThrownBy(() -> pins("juan=" + sha256("1") + "\n", 5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'juan' is not a worker id");
  }

  @Test
  void offChecksNothing() {
    WorkerPins off = WorkerPins.off(meters);

    assertThat(off.enabled()).isFalse();
    assertThatCode(() -> off.check(93, null, "t")).doesNotThrowAnyException();
  }
}
