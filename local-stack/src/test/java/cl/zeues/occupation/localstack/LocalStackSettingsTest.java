package cl.zeues.occupation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

  @Test
  void defaultsBindTheUsualPortsAndKeepDataUnderTheWorkingDirectory() {
    LocalStackSettings settings = LocalStackSettings.from(new String[0], Map.of());

    assertThat(settings.ports()).containsExactly(8080, 8081, 8082, 8085, 9092, 9093);
    assertThat(settings.dataDir()).isEqualTo(Path.of(".data").toAbsolutePath().normalize());
    assertThat(settings.redisUrl()).isEqualTo("redis://127.0.0.1:6379/1");
    assertThat(settings.spools()).isEqualTo(2_500);
    assertThat(settings.seedStates()).isTrue();
    assertThat(settings.reset()).isFalse();
  }

  @Test
  void argumentsBeatTheEnvironmentWhichBeatsRedisUrl() {
    LocalStackSettings settings =
        LocalStackSettings.from(
            new String[] {"--api-port=9000"},
            Map.of(
                "ZEUES_LOCAL_API_PORT", "7000",
                "ZEUES_LOCAL_KAFKA_PORT", "7092",
                "REDIS_URL", "redis://10.0.0.5:6380"));

    assertThat(settings.apiPort()).isEqualTo(9000);
    assertThat(settings.kafkaPort()).isEqualTo(7092);
    assertThat(settings.redisUrl()).isEqualTo("redis://10.0.0.5:6380/1");
  }

  @Test
  void refusesUnknownNamesClashingPortsAndARedisUrlWithoutDatabase() {
    assertThatThrownBy(() -> LocalStackSettings.from(new String[] {"--apiport=1"}, Map.of()))
        .hasMessageContaining("unknown setting 'apiport'");
    assertThatThrownBy(() -> LocalStackSettings.from(new String[] {"--kafka-port=8080"}, Map.of()))
        .hasMessageContaining("the ports must all differ");
    assertThatThrownBy(
            () ->
                LocalStackSettings.from(
                    new String[] {"--redis-url=redis://127.0.0.1:6379"}, Map.of()))
        .hasMessageContaining("must name the Redis database");
  }

  @Test
  void aPortInUseIsNamedInOneLineBeforeAnythingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      LocalStackSettings settings =
          LocalStackSettings.from(new String[] {"--sheets-port=" + port}, Map.of());

      assertThatThrownBy(() -> LocalStack.preflight(settings))
          .hasMessage(
              "port "
                  + port
                  + " on 127.0.0.1 (sheets-port) is already in use: stop what uses it, or choose"
                  + " another with --sheets-port=PORT");
    }
  }

  @Test
  void theDemoShopIsDeterministicAndFollowsTheShopsStateMix() {
    DemoShop shop = DemoShop.generate(2_500, LocalDate.of(2026, 11, 27));
    DemoShop again = DemoShop.generate(2_500, LocalDate.of(2026, 11, 27));

    assertThat(shop.spools()).hasSize(2_500);
    assertThat(shop.spools().getFirst().tag()).matches("MK-\\d{4}-[A-Z]{2}-\\d{5}-\\d{3}");
    assertThat(shop.spools().stream().map(DemoShop.Spool::tag))
        .containsExactlyElementsOf(again.spools().stream().map(DemoShop.Spool::tag).toList());
    assertThat(shop.mix())
        .containsEntry(DemoShop.Target.LIBRE, 712)
        .containsEntry(DemoShop.Target.EN_ARM, 375)
        .containsEntry(DemoShop.Target.ARM_PEND, 250)
        .containsEntry(DemoShop.Target.EN_SOLD, 375)
        .containsEntry(DemoShop.Target.EN_REPARACION, 50)
        .containsEntry(DemoShop.Target.APROBADO, 25)
        .containsEntry(DemoShop.Target.BLOQUEADO, 13);
    assertThat(shop.workers()).hasSize(50);
    assertThat(shop.plan(shop.walkThroughSpool())).isEmpty();
    DemoShop.Spool blocked =
        shop.spools().stream()
            .filter(s -> s.target() == DemoShop.Target.BLOQUEADO)
            .findFirst()
            .orElseThrow();
    assertThat(shop.plan(blocked))
        .extracting(DemoShop.Step::route)
        .endsWith(
            "metrologia/completar",
            "tomar-reparacion",
            "completar-reparacion",
            "metrologia/completar",
            "tomar-reparacion",
            "completar-reparacion",
            "metrologia/completar");
    assertThat(shop.sheets().get("Operaciones").getFirst())
        .hasSize(75)
        .contains("TAG_SPOOL", "Fecha_Materiales", "Ocupado_Por");
    assertThat(shop.sheets().get("Metadata")).hasSize(1);
  }
}
