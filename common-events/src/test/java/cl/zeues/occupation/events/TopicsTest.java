package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  /**
   * The processor rebuilds a lost commands partition from the events partition with the same
   * number: both are keyed by tag_spool, so equal partition counts put a spool in both at once.
   */
  @Test
  void eventsArePartitionedLikeCommands() {
    assertThat(Topics.EVENTS.partitions()).isEqualTo(Topics.COMMANDS.partitions());
  }
}
