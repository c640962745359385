package cl.zeues.occupation.audit.log;

import java.time.Duration;

/**
 * Where the log is: the brokers, the topic, and how long to wait for the brokers before giving up.
 */
public record KafkaSource(String bootstrapServers, String topic, Duration timeout) {}
