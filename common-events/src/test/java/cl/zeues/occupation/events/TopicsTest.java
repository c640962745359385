package cl.zeues.occupation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  /** A revoked credential must stay revoked: only the latest entry per token counts. */
  @Test
  void credentialsAreCompactedAndCatalogued() {
    assertThat(Topics.SECURITY_CREDENTIALS.configs()).containsEntry("cleanup.policy", "compact");
    assertThat(Topics.ALL).contains(Topics.SECURITY_CREDENTIALS);
  }

  @Test
  void threeBrokersKeepThreeCopiesAndAcknowledgeOnTwo() {
    assertThat(Topics.Replication.THREE_BROKERS)
        .isEqualTo(new Topics.Replication(3, 2))
        .isEqualTo(Topics.Replication.of(3));
    assertThat(Topics.Replication.SINGLE_BROKER).isEqualTo(new Topics.Replication(1, 1));
    assertThat(Topics.Replication.of(2).minInSync()).isEqualTo(2);
    assertThat(Topics.Replication.of(5).minInSync()).isEqualTo(3);
  }

  @Test
  void aTopicIsCreatedWithItsOwnConfigsAndTheReplicationsMinInSync() {
    assertThat(Topics.EVENTS.configs(Topics.Replication.THREE_BROKERS))
        .containsEntry("retention.ms", "-1")
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("min.insync.replicas", "2")
        .hasSize(Topics.EVENTS.configs().size() + 1);
    assertThat(Topics.SPOOL_CATALOG.configs(Topics.Replication.SINGLE_BROKER))
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("min.insync.replicas", "1");
  }

  /** A transaction is only as durable as the transaction state log that records its outcome. */
  @Test
  void kafkasInternalTopicsAreReplicatedLikeOurs() {
    assertThat(Topics.Replication.THREE_BROKERS.brokerConfigs())
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2");
    assertThat(Topics.Replication.SINGLE_BROKER.brokerConfigs())
        .allSatisfy((name, value) -> assertThat(value).isEqualTo("1"));
  }

  @Test
  void aMinInSyncBeyondTheReplicasIsRefused() {
    assertThatThrownBy(() -> new Topics.Replication(1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min.insync.replicas 2");
    assertThatThrownBy(() -> Topics.Replication.of(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
