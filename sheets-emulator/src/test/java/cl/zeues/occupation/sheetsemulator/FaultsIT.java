package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheetsemulator.faults.EmulatorStats;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsIT {

  private final SheetsEmulator emulator = new SheetsEmulator();
  private Sheets sheets;

  @BeforeEach
  void start() {
    emulator.start(EmulatorConfig.defaults().withWritesPerMinute(10));
    sheets = TestSheets.client(emulator);
    TestSheets.put(emulator, "faults-it", "Log", List.of());
  }

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private void write(int n) throws Exception {
    sheets
        .spreadsheets()
        .values()
        .update("faults-it", "Log!A" + n, new ValueRange().setValues(List.of(List.of(n))))
        .setValueInputOption("RAW")
        .execute();
  }

  @Test
  void eleventhWriteInAMinuteIsRateLimited() throws Exception {
    for (int i = 1; i <= 10; i++) {
      write(i);
    }

    GoogleJsonResponseException e = TestSheets.failure(() -> write(11));

    assertThat(e.getStatusCode()).isEqualTo(429);
    assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(e.getDetails().getErrors().getFirst().getReason()).isEqualTo("rateLimitExceeded");
    assertThat(e.getDetails().getMessage()).contains("Write requests per minute per user");
    assertThat(e.getHeaders().getFirstHeaderStringValue("Retry-After")).matches("[1-9][0-9]*");
    assertThat(emulator.stats()).isEqualTo(new EmulatorStats(0, 10, 1, 0));
    assertThat(sheets.spreadsheets().values().get("faults-it", "Log!A1:A11").execute().getValues())
        .hasSize(10);
  }

  @Test
  void quotaIsCountedPerQuotaUser() throws Exception {
    for (int i = 1; i <= 10; i++) {
      write(i);
    }

    sheets
        .spreadsheets()
        .values()
        .update("faults-it", "Log!B1", new ValueRange().setValues(List.of(List.of("other user"))))
        .setValueInputOption("RAW")
        .setQuotaUser("someone-else")
        .execute();
  }

  @Test
  void rateLimitStormStartedOverHttpRejectsEveryWriteUntilStopped() throws Exception {
    HttpResponse<String> started =
        TestSheets.http(emulator, "POST", "/_emulator/faults", "{\"rateLimitStormSeconds\":600}");
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.body()).contains("\"rateLimitStormSeconds\":");

    assertThat(TestSheets.failure(() -> write(1)).getStatusCode()).isEqualTo(429);
    assertThat(sheets.spreadsheets().values().get("faults-it", "Log").execute().getRange())
        .isEqualTo("Log!A1:Z1000");

    TestSheets.http(emulator, "POST", "/_emulator/faults", "{\"rateLimitStormSeconds\":0}");
    write(1);
    assertThat(emulator.stats().rateLimited()).isEqualTo(1);
  }

  @Test
  void injectedServerErrorsSurfaceAs503() throws Exception {
    emulator.updateFaults(f -> f.withServerErrorRate(1.0));

    GoogleJsonResponseException e =
        TestSheets.failure(() -> sheets.spreadsheets().values().get("faults-it", "Log").execute());

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.getDetails().get("status")).isEqualTo("UNAVAILABLE");
    assertThat(emulator.stats().serverErrors()).isEqualTo(1);
  }

  @Test
  void seededServerErrorRateFailsTheSameRequestsEveryRun() throws Exception {
    emulator.updateFaults(f -> f.withServerErrorRate(0.5).withRandomSeed(7));
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      first.append(outcome());
    }
    emulator.updateFaults(f -> f.withRandomSeed(7));
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      second.append(outcome());
    }

    assertThat(second.toString()).isEqualTo(first.toString()).contains("x").contains(".");
  }

  private String outcome() throws Exception {
    try {
      sheets.spreadsheets().values().get("faults-it", "Log").execute();
      return ".";
    } catch (GoogleJsonResponseException e) {
      return "x";
    }
  }

  @Test
  void faultSettingsCanBeReadAndChangedOverHttp() throws Exception {
    HttpResponse<String> changed =
        TestSheets.http(
            emulator,
            "POST",
            "/_emulator/faults",
            "{\"writesPerMinute\":3,\"latencyMillis\":1,\"serverErrorRate\":0.25}");

    assertThat(changed.body())
        .contains("\"writesPerMinute\":3", "\"latencyMillis\":1", "\"serverErrorRate\":0.25");
    assertThat(emulator.faults().writesPerMinute()).isEqualTo(3);
    assertThat(
            TestSheets.http(emulator, "POST", "/_emulator/faults", "{\"serverErrorRate\":2}")
                .statusCode())
        .isEqualTo(400);
  }
}
