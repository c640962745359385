package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.processor.occupation.ProcessorSettings;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One shared lettuce connection (thread-safe, pipelined) for the store, its locks included. A
 * {@code redis-sentinel://} URL connects through Sentinel and keeps following the primary it names.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  @Bean(destroyMethod = "shutdown")
  RedisClient redisClient(ProcessorSettings settings) {
    return RedisClient.create(uri(settings));
  }

  /**
   * With Sentinel, a master-replica connection reading and writing only on the primary: it listens
   * to the Sentinels' events and moves to the promoted replica, also when the former primary stays
   * reachable as a replica (where a plain connection, which asks Sentinel only when it reconnects,
   * would keep getting {@code READONLY}). Until it has moved, writes fail and their Kafka
   * transaction aborts; the promoted replica's applied offsets then show whether it lost writes.
   */
  @Bean(destroyMethod = "close")
  StatefulRedisConnection<String, String> redisConnection(
      RedisClient client, ProcessorSettings settings) {
    RedisURI uri = uri(settings);
    if (uri.getSentinelMasterId() == null) {
      return client.connect();
    }
    StatefulRedisMasterReplicaConnection<String, String> connection =
        MasterReplica.connect(client, StringCodec.UTF8, uri);
    connection.setReadFrom(ReadFrom.UPSTREAM);
    return connection;
  }

  @Bean
  RedisCommands<String, String> redisCommands(StatefulRedisConnection<String, String> connection) {
    return connection.sync();
  }

  @Bean
  RedisOccupationStore redisOccupationStore(
      RedisCommands<String, String> redis, JsonCodec codec, ProcessorSettings settings) {
    return new RedisOccupationStore(redis, codec, settings.recordRetention());
  }

  @Bean
  HealthIndicator redisHealthIndicator(RedisCommands<String, String> redis) {
    return () -> {
      try {
        return Health.up().withDetail("ping", redis.ping()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", e.getMessage()).build();
      }
    };
  }

  /**
   * {@code redis://host:port} or {@code redis-sentinel://host:port[,host:port...]#primary}; the
   * command timeout applies to the Sentinels' answers and to the primary's alike.
   */
  private static RedisURI uri(ProcessorSettings settings) {
    RedisURI uri = RedisURI.create(settings.redisUrl());
    uri.setTimeout(settings.redisTimeout());
    uri.getSentinels().forEach(sentinel -> sentinel.setTimeout(settings.redisTimeout()));
    return uri;
  }
}
