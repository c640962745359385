package cl.zeues.occupation.api.occupation.redis;

import cl.zeues.occupation.events.JsonCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis side of the API: reads the status the processor records (never writes). */
@Configuration(proxyBeanMethods = false)
public class OccupationRedisConfiguration {

  @Bean
  RedisStatusReader redisStatusReader(StringRedisTemplate redis, JsonCodec codec) {
    return new RedisStatusReader(redis, codec);
  }
}
