package cl.zeues.occupation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    assertThat(settings.adminEnabled()).isFalse();
    assertThat(settings.maxBatch()).isEqualTo(50);
    assertThat(settings.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
    assertThat(settings.replyGroupPrefix()).isEqualTo("zeues-api-");
  }
}
