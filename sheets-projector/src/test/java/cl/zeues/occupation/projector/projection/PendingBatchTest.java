package cl.zeues.occupation.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.projector.projection.PendingBatch.Flush;
import cl.zeues.occupation.sheets.EventScript;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PendingBatchTest {

  private static final Worker JUAN = Worker.of(94, "Juan Perez");
  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  private final EventScript script = new EventScript(3);
  private final PendingBatch batch = new PendingBatch();

  private void addAll() {
    for (OccupationEvent event : script.events()) {
      batch.add(event, script.state(event.tagSpool()), T);
    }
  }

  @Test
  void keepsEveryEventButOnlyTheLatestStatePerSpool() {
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    script.pausar("S-1", T.plusSeconds(1));
    script.tomar("S-1", JUAN, Operacion.ARM, T.plusSeconds(2));
    script.completar("S-1", T.plusSeconds(3), LocalDate.of(2026, 3, 10));
    script.tomar("S-2", JUAN, Operacion.ARM, T);
    PendingBatch coalesced = new PendingBatch();
    for (OccupationEvent event : script.events()) {
      coalesced.add(event, script.state(event.tagSpool()), T);
    }
    Flush flush = coalesced.seal();

    assertThat(flush.events()).containsExactlyElementsOf(script.events());
    assertThat(flush.spools()).containsOnlyKeys("S-1", "S-2");
    assertThat(flush.spools().get("S-1")).isEqualTo(script.state("S-1"));
    assertThat(flush.spools().get("S-1").version()).isEqualTo(4);
  }

  @Test
  void anOlderStateNeverReplacesANewerOne() {
    OccupationEvent tomar = script.tomar("S-1", JUAN, Operacion.ARM, T);
    var afterTomar = script.state("S-1");
    OccupationEvent pausar = script.pausar("S-1", T.plusSeconds(1));
    batch.add(pausar, script.state("S-1"), T);
    batch.add(tomar, afterTomar, T);
    assertThat(batch.seal().spools().get("S-1").version()).isEqualTo(2);
  }

  @Test
  void theSameEventIsKeptOnce() {
    OccupationEvent tomar = script.tomar("S-1", JUAN, Operacion.ARM, T);
    batch.add(tomar, script.state("S-1"), T);
    batch.add(tomar, script.state("S-1"), T);
    assertThat(batch.size()).isEqualTo(1);
  }

  @Test
  void isDueWhenFullOrWhenTheFirstEventWaitedLongEnough() {
    assertThat(batch.isDue(2, Duration.ofSeconds(1), T)).isFalse();
    script.tomar("S-1", JUAN, Operacion.ARM, T);
    addAll();
    assertThat(batch.isDue(2, Duration.ofSeconds(1), T.plusMillis(999))).isFalse();
    assertThat(batch.isDue(2, Duration.ofSeconds(1), T.plusSeconds(1))).isTrue();
    assertThat(batch.isDue(1, Duration.ofSeconds(1), T)).isTrue();
    assertThat(batch.untilDue(Duration.ofSeconds(1), T.plusMillis(400)))
        .isEqualTo(Duration.ofMillis(600));
  }
}
