package cl.zeues.occupation.projector.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CatalogImportScheduleTest {

  @Test
  void runsAgainAndAgainEvenAfterARunThrows() {
    AtomicInteger runs = new AtomicInteger();
    CatalogImportSchedule schedule =
        new CatalogImportSchedule(
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run breaks");
              }
            },
            Duration.ZERO,
            Duration.ofMillis(10),
            true);

    schedule.start();
    try {
      await().atMost(Duration.ofSeconds(2)).until(() -> runs.get() >= 3);
    } finally {
      schedule.stop();
    }
    assertThat(schedule.isRunning()).isFalse();
  }

  @Test
  void scheduledFalseMeansNoAutoStartup() {
    assertThat(
            new CatalogImportSchedule(() -> {}, Duration.ZERO, Duration.ofSeconds(30), false)
                .isAutoStartup())
        .isFalse();
  }
}
