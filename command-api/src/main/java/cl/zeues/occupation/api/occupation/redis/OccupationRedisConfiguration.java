package cl.zeues.occupation.api.occupation.redis;

import cl.zeues.occupation.events.JsonCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis side of the API: a read-only view of the processor's store. */
@Configuration(proxyBeanMethods = false)
public class OccupationRedisConfiguration {

  @Bean
  RedisOccupationStore redisOccupationStore(StringRedisTemplate redis, JsonCodec codec) {
    return new RedisOccupationStore(redis, codec);
  }
}
