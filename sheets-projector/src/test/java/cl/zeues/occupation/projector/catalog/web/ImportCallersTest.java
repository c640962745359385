package cl.zeues.occupation.projector.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ImportCallersTest {

  private static final String TOKEN = "service-token-0123456789abcdef";

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.1.1", "0:0:0:0:0:0:0:1", "::1"})
  void aPeerOnThisMachineMayAskForAnImport(String peer) {
    assertThat(ImportCallers.fromThisMachine(peer)).isTrue();
    assertThat(new ImportCallers(null).who(request(peer, null, null))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.10", "10.0.0.5", "fd00::2", "0.0.0.0"})
  void aPeerOnAnotherHostMayNot(String peer) {
    assertThat(ImportCallers.fromThisMachine(peer)).isFalse();
    assertThat(new ImportCallers(TOKEN).who(request(peer, null, null))).isEmpty();
  }

  @Test
  void theApiWithTheServiceTokenMayAskForTheSupervisorItNames() {
    String actor = "Ana Supervisora (SUPERVISOR 7f3c)".replace(" ", "+");
    assertThat(
            new ImportCallers(TOKEN)
                .who(request("10.0.0.5", "Bearer " + TOKEN, "Mar%C3%ADa+Rojas")))
        .hasValue("la API a nombre de María Rojas");
    assertThat(new ImportCallers(TOKEN).who(request("10.0.0.5", "bearer " + TOKEN, actor)))
        .hasValue("la API a nombre de Ana Supervisora (SUPERVISOR 7f3c)");
  }

  @Test
  void aWrongTokenOrNoConfiguredTokenIsRefused() {
    assertThat(new ImportCallers(TOKEN).who(request("10.0.0.5", "Bearer " + TOKEN + "x", "A")))
        .isEmpty();
    assertThat(new ImportCallers(TOKEN).who(request("10.0.0.5", "Basic " + TOKEN, "A"))).isEmpty();
    assertThat(new ImportCallers(null).who(request("10.0.0.5", "Bearer " + TOKEN, "A"))).isEmpty();
  }

  @Test
  void anActorNameCannotForgeLogLines() {
    assertThat(new ImportCallers(TOKEN).who(request("10.0.0.5", "Bearer " + TOKEN, "Ana%0Afake")))
        .hasValue("la API a nombre de Ana?fake");
  }

  private static MockHttpServletRequest request(
      String peer, @Nullable String authorization, @Nullable String actor) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/catalog/import");
    request.setRemoteAddr(peer);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    if (actor != null) {
      request.addHeader(ImportCallers.ACTOR_HEADER, actor);
    }
    return request;
  }
}
