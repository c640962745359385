package cl.zeues.occupation.systemtests;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.processor.occupation.OccupationStore;
import cl.zeues.occupation.processor.occupation.RebuiltPartition;
import cl.zeues.occupation.processor.occupation.RecordRetention;
import cl.zeues.occupation.processor.occupation.RecordedCommand;
import cl.zeues.occupation.processor.occupation.StoredSpool;
import cl.zeues.occupation.processor.occupation.redis.RedisOccupationStore;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only extra configuration for processors: for spools tagged {@code ZOMBIE-...}, a second,
 * independent writer (its own Redis connection, like a processor that lost its partitions but still
 * runs) writes the same decision first, just before the processor's own first write. That write is
 * real, so the processor's version fence must catch it and retry.
 */
@Configuration(proxyBeanMethods = false)
class ZombieWriterConfiguration {

  static final String PREFIX = "ZOMBIE-";

  @Bean
  static BeanPostProcessor zombieWriter() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof OccupationStore store ? new RacedStore(store) : bean;
      }
    };
  }

  /** Delegates everything; lets the zombie write first once per zombie spool. */
  static final class RacedStore implements OccupationStore {
    private final OccupationStore delegate;
    private final Set<String> raced = ConcurrentHashMap.newKeySet();
    private final OccupationStore zombie;

    RacedStore(OccupationStore delegate) {
      this.delegate = delegate;
      RedisClient client = RedisClient.create(ZeuesSystem.REDIS_URL);
      this.zombie =
          new RedisOccupationStore(
              client.connect().sync(),
              new JsonCodec(),
              new RecordRetention(Duration.ofHours(1), Duration.ofHours(1), 50_000));
    }

    @Override
    public StoredSpool load(String tag, UUID commandId) {
      return delegate.load(tag, commandId);
    }

    @Override
    public WriteResult write(
        String tag, long expectedVersion, SpoolState next, RecordedCommand record) {
      race(tag, () -> zombie.write(tag, expectedVersion, next, record));
      return delegate.write(tag, expectedVersion, next, record);
    }

    @Override
    public WriteResult writeTakingLock(
        String tag,
        long expectedVersion,
        SpoolState next,
        RecordedCommand record,
        Duration lockTtl) {
      race(tag, () -> zombie.writeTakingLock(tag, expectedVersion, next, record, lockTtl));
      return delegate.writeTakingLock(tag, expectedVersion, next, record, lockTtl);
    }

    private void race(String tag, Supplier<WriteResult> zombieWrite) {
      if (tag.startsWith(PREFIX) && raced.add(tag)) {
        WriteResult written = zombieWrite.get();
        if (written != WriteResult.WRITTEN) {
          throw new IllegalStateException("the zombie's write should have won, was " + written);
        }
      }
    }

    @Override
    public void recordRejection(String tag, RecordedCommand record) {
      delegate.recordRejection(tag, record);
    }

    @Override
    public void expectApplied(int partition, long offset) {
      delegate.expectApplied(partition, offset);
    }

    @Override
    public boolean holdsApplied(int partition) {
      return delegate.holdsApplied(partition);
    }

    @Override
    public void markApplied(int partition, long offset) {
      delegate.markApplied(partition, offset);
    }

    @Override
    public void restore(int partition, RebuiltPartition rebuilt) {
      delegate.restore(partition, rebuilt);
    }
  }
}
