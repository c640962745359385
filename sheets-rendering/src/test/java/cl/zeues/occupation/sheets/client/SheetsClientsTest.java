package cl.zeues.occupation.sheets.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SheetsClientsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://sheets.googleapis.com/",
        "http://127.0.0.1:8085/",
        "http://127.0.0.2:8085/",
        "http://localhost:8085/",
        "HTTP://LOCALHOST:8085/",
        "http://[::1]:8085/"
      })
  void credentialsGoOverTlsOrToThisMachinesLoopback(String rootUrl) {
    assertThat(SheetsClients.carriesCredentialsSafely(rootUrl)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://sheets.googleapis.com/",
        "http://10.0.0.5:8085/",
        "http://127.0.0.1.example.com/",
        "http://localhost.example.com/",
        "ftp://127.0.0.1/",
        "not a url"
      })
  void credentialsNeverGoInTheClearOffThisMachine(String rootUrl) {
    assertThat(SheetsClients.carriesCredentialsSafely(rootUrl)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://sheets.example.com/", "http://192.168.1.20:8085/"})
  void aClientWithCredentialsOverPlainHttpToAnotherHostIsRefused(String rootUrl) {
    assertThatThrownBy(() -> SheetsClients.create(settings(rootUrl, "/etc/zeues/sa-key.json")))
        .isInstanceOf(SheetsClients.InsecureCredentialsException.class)
        .hasMessageContaining("over plain http to " + rootUrl)
        .hasMessageContaining("https://");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8085/", "https://sheets.example.com/"})
  void overTlsOrLoopbackTheCredentialsFileIsRead(String rootUrl) {
    // Past the check, the missing key file is what fails.
    assertThatThrownBy(() -> SheetsClients.create(settings(rootUrl, "/nonexistent/sa-key.json")))
        .isInstanceOf(NoSuchFileException.class);
  }

  private static SheetsClientSettings settings(String rootUrl, String credentialsFile) {
    return new SheetsClientSettings(rootUrl, credentialsFile, Duration.ofSeconds(5), "test");
  }
}
