package cl.zeues.occupation.processor.occupation.lease;

import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.StoreLayout;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.occupation.ProcessorSettings;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds occupations whose lease has lapsed and publishes an {@link
 * OccupationCommand.ExpirarOcupacion} for each onto the commands topic, keyed by the spool: expiry
 * is then decided in order with the spool's other commands and recorded as an event, never a silent
 * key loss. Every instance sweeps; their commands share a command id per occupation and sweep
 * window, so duplicates are decided once.
 */
@Component
class LeaseSweeper {

  private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);
  private static final int BATCH = 500;

  private final RedisCommands<String, String> redis;
  private final KafkaTemplate<String, byte[]> kafka;
  private final JsonCodec codec;
  private final Clock clock;
  private final ProcessorSettings settings;

  LeaseSweeper(
      RedisCommands<String, String> redis,
      KafkaTemplate<String, byte[]> kafka,
      JsonCodec codec,
      Clock clock,
      ProcessorSettings settings) {
    this.redis = redis;
    this.kafka = kafka;
    this.codec = codec;
    this.clock = clock;
    this.settings = settings;
  }

  @Scheduled(
      fixedDelayString = "${zeues.processor.sweep-interval:30s}",
      initialDelayString = "${zeues.processor.sweep-interval:30s}")
  void sweep() {
    try {
      List<OccupationCommand.ExpirarOcupacion> expiries = lapsed(clock.instant());
      if (!expiries.isEmpty()) {
        kafka.executeInTransaction(
            ops -> {
              expiries.forEach(c -> ops.send(Topics.COMMANDS.name(), c.tagSpool(), codec.write(c)));
              return null;
            });
        log.info("published {} lease expiries", expiries.size());
      }
    } catch (RedisException | org.apache.kafka.common.KafkaException e) {
      log.warn("lease sweep skipped: {}", e.getMessage());
    }
  }

  List<OccupationCommand.ExpirarOcupacion> lapsed(Instant now) {
    List<String> tags =
        redis.zrangebyscore(
            StoreLayout.LEASES, Range.create(0, now.toEpochMilli()), Limit.create(0, BATCH));
    List<OccupationCommand.ExpirarOcupacion> expiries = new ArrayList<>();
    long window = now.toEpochMilli() / Math.max(1, settings.sweepInterval().toMillis());
    for (String tag : tags) {
      List<String> fields =
          redis
              .hmget(
                  StoreLayout.spoolKey(tag), StoreLayout.F_OCCUPATION_ID, StoreLayout.F_LEASE_UNTIL)
              .stream()
              .map(kv -> kv.getValueOrElse(""))
              .toList();
      String occupation = fields.get(0);
      if (occupation.isEmpty()) {
        redis.zrem(StoreLayout.LEASES, tag);
        continue;
      }
      Instant leaseUntil = Instant.parse(fields.get(1));
      if (leaseUntil.isAfter(now)) {
        redis.zadd(StoreLayout.LEASES, leaseUntil.toEpochMilli(), tag);
        continue;
      }
      UUID occupationId = UUID.fromString(occupation);
      UUID commandId =
          UUID.nameUUIDFromBytes(
              ("expire:" + occupationId + ":" + window).getBytes(StandardCharsets.UTF_8));
      expiries.add(new OccupationCommand.ExpirarOcupacion(commandId, tag, occupationId, now));
    }
    return expiries;
  }
}
