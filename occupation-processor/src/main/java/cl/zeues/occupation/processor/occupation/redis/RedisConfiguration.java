package cl.zeues.occupation.processor.occupation.redis;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.processor.occupation.ProcessorSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One shared lettuce connection (thread-safe, pipelined) for the store, its locks included. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  @Bean(destroyMethod = "shutdown")
  RedisClient redisClient(ProcessorSettings settings) {
    RedisURI uri = RedisURI.create(settings.redisUrl());
    uri.setTimeout(settings.redisTimeout());
    return RedisClient.create(uri);
  }

  @Bean(destroyMethod = "close")
  StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
    return client.connect();
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
}
