package cl.zeues.occupation.processor.occupation.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.processor.occupation.StoreUnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisReadOnlyException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class RedisCallsTest {

  @Test
  void answerIsReturned() {
    assertThat(RedisCalls.call("read spool A", () -> "OK")).isEqualTo("OK");
  }

  @Test
  void readOnlyReplicaIsAnUnavailableStore() {
    assertThatThrownBy(
            () ->
                RedisCalls.call(
                    "write spool A",
                    () -> {
                      throw new RedisReadOnlyException(
                          "READONLY You can't write against a read only replica.");
                    }))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("write spool A")
        .hasMessageContaining("READONLY");
  }

  @Test
  void timeoutIsAnUnavailableStore() {
    assertThatThrownBy(
            () ->
                RedisCalls.call(
                    "write spool A",
                    () -> {
                      throw new RedisCommandTimeoutException("Command timed out after 2 second(s)");
                    }))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void commandCancelledWithItsConnectionIsAnUnavailableStore() {
    assertThatThrownBy(
            () ->
                RedisCalls.call(
                    "write spool A",
                    () -> {
                      throw new CancellationException("get");
                    }))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("write spool A")
        .hasCauseInstanceOf(CancellationException.class);
  }
}
