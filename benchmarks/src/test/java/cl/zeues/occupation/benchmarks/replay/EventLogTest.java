package cl.zeues.occupation.benchmarks.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {

  @Test
  void theSameArgumentsGiveTheSameLog() {
    EventLog first = EventLog.generate(2_000, 100, 42, 0.01);
    EventLog second = EventLog.generate(2_000, 100, 42, 0.01);

    assertThat(first.events()).hasSize(2_000).isEqualTo(second.events());
  }

  @Test
  void theMixHasEveryKindOfOccupationEvent() {
    Map<String, Long> mix = EventLog.generate(5_000, 200, 42, 0.05).mix();

    assertThat(mix)
        .containsKeys(
            "SpoolTomado",
            "SpoolPausado",
            "SpoolCompletado",
            "SpoolCancelado",
            "OcupacionLiberada",
            "OcupacionExpirada");
    assertThat(mix.get("SpoolTomado")).isGreaterThan(mix.get("SpoolCompletado"));
  }

  @Test
  void theThreeRebuildsAgree() {
    EventLog log = EventLog.generate(2_000, 100, 7, 0.01);
    JsonCodec codec = new JsonCodec();
    List<byte[]> records = log.events().stream().map(codec::write).toList();

    Map<String, SpoolState> perSpool = Replays.perSpool(log.bySpool());
    Map<String, SpoolState> inLogOrder = Replays.inLogOrder(log.events(), log.spools());
    Map<String, SpoolState> fromJson = Replays.fromJson(records, codec, log.spools());

    assertThat(perSpool).hasSize(100).isEqualTo(inLogOrder).isEqualTo(fromJson);
    long lastVersions = perSpool.values().stream().mapToLong(SpoolState::version).sum();
    assertThat(lastVersions).isEqualTo(log.events().size());
  }

  @Test
  void tooFewSpoolsForTheEventsAsked() {
    assertThatThrownBy(() -> EventLog.generate(1_000_000, 2, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ask for more spools");
  }

  @Test
  void eventsOfOneSpoolKeepTheirOrder() {
    EventLog log = EventLog.generate(1_500, 100, 3, 0);

    for (List<OccupationEvent> events : log.bySpool().values()) {
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).version()).isEqualTo(i + 1);
      }
    }
  }
}
