package cl.zeues.occupation.projector.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheets.client.SheetsClients;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The projector does not start when it would send Google credentials unencrypted. */
class InsecureSheetsCredentialsTest {

  @Test
  void theProjectorRefusesToStartWithCredentialsOverPlainHttpToAnotherHost() {
    contextWith("http://sheets.example.com/")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(SheetsClients.InsecureCredentialsException.class)
                  .hasMessageContaining("refusing to send the Google credentials")
                  .hasMessageContaining("http://sheets.example.com/");
            });
  }

  @Test
  void theEmulatorOnLoopbackIsReachedOverPlainHttp() {
    new ApplicationContextRunner()
        .withUserConfiguration(SheetsClientConfiguration.class)
        .withBean(SheetsSettings.class, () -> settings("http://127.0.0.1:8085/", null))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(com.google.api.services.sheets.v4.Sheets.class));
  }

  private static ApplicationContextRunner contextWith(String rootUrl) {
    return new ApplicationContextRunner()
        .withUserConfiguration(SheetsClientConfiguration.class)
        .withBean(SheetsSettings.class, () -> settings(rootUrl, "/etc/zeues/sa-key.json"));
  }

  private static SheetsSettings settings(String rootUrl, String credentialsFile) {
    return new SheetsSettings(
        "sheet-id",
        rootUrl,
        credentialsFile,
        "Operaciones",
        "Metadata",
        "Trabajadores",
        "Roles",
        50,
        Duration.ofSeconds(20),
        "zeues-sheets-projector");
  }
}
