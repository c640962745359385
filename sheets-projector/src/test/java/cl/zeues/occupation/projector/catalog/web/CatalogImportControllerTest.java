package cl.zeues.occupation.projector.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogImportControllerTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.1.1", "0:0:0:0:0:0:0:1", "::1"})
  void aPeerOnThisMachineMayAskForAnImport(String peer) {
    assertThat(CatalogImportController.fromThisMachine(peer)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.10", "10.0.0.5", "fd00::2", "0.0.0.0"})
  void aPeerOnAnotherHostMayNot(String peer) {
    assertThat(CatalogImportController.fromThisMachine(peer)).isFalse();
  }
}
