package cl.zeues.occupation.api;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.Operacion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class ApiSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ApiSettings settings =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("zeues.api", ApiSettings.class);

    assertThat(settings.replyTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.healthTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.adminToken()).isNull();
    assertThat(settings.maxBatch()).isEqualTo(50);
    assertThat(settings.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(settings.replyGroupPrefix()).isEqualTo("zeues-api-");
  }

  @Test
  void byDefaultOnlyMetrologyRolesAreEnforced() {
    RulesSettings rules =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("zeues.rules", RulesSettings.class);

    assertThat(rules.enforceRoles()).containsExactly(Operacion.METROLOGIA);
  }

  @Test
  void enforcedRolesAreAListOfOperationsOrNone() {
    RulesSettings all =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("zeues.rules.enforce-roles", "ARM,SOLD,METROLOGIA,REPARACION")))
            .bindOrCreate("zeues.rules", RulesSettings.class);
    RulesSettings none =
        new Binder(new MapConfigurationPropertySource(Map.of("zeues.rules.enforce-roles", "")))
            .bindOrCreate("zeues.rules", RulesSettings.class);

    assertThat(all.enforceRoles()).containsExactlyInAnyOrder(Operacion.values());
    assertThat(none.enforceRoles()).isEmpty();
  }
}
