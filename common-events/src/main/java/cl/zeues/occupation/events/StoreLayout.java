package cl.zeues.occupation.events;

import java.util.UUID;

/**
 * The Redis layout the processor writes and the API reads (status, command outcomes). Every key of
 * one spool carries the hash tag {@code {TAG}}, so in Redis Cluster a spool's keys share a slot and
 * one Lua script can change them atomically.
 *
 * <ul>
 *   <li>{@link #spoolKey} hash: {@code version} (long, 0 when never touched), {@code state} (the
 *       processor's JSON of the spool state), and the status fields {@code ocupado_por}, {@code
 *       operacion}, {@code occupation_id}, {@code fecha_ocupacion}, {@code lease_until} (ISO-8601
 *       UTC), each an empty string when the spool is free.
 *   <li>{@link #lockKey} string: the current occupation id (the lock token), set only while
 *       occupied.
 *   <li>{@link #commandKey} hash: {@code reply} (the {@link CommandReply} JSON), {@code events}
 *       (JSON array of the events it produced), {@code source} ({@code partition:offset} of the
 *       command record). Kept for {@code command-retention}.
 *   <li>{@link #LEASES} sorted set: member = tag, score = lease end in epoch millis; an index for
 *       the lease sweeper, never the truth.
 *   <li>{@link #appliedKey} string, one per partition of {@code occupation.commands}: the offset of
 *       the last command record whose effects the store holds. Written in the same script as those
 *       effects, so a Redis that lost data (restart without persistence, FLUSHALL, a failover to a
 *       replica that lags) has lost or lowered it too; the processor notices and rebuilds the
 *       partition from {@code occupation.events} before deciding again. It lives outside the
 *       spools' hash tags, so the store needs one Redis primary (with replicas), not Redis Cluster.
 * </ul>
 */
public final class StoreLayout {

  public static final String LEASES = "zeues:leases";

  public static final String F_VERSION = "version";
  public static final String F_STATE = "state";
  public static final String F_OCUPADO_POR = "ocupado_por";
  public static final String F_OPERACION = "operacion";
  public static final String F_OCCUPATION_ID = "occupation_id";
  public static final String F_FECHA_OCUPACION = "fecha_ocupacion";
  public static final String F_LEASE_UNTIL = "lease_until";

  public static final String F_REPLY = "reply";
  public static final String F_EVENTS = "events";
  public static final String F_SOURCE = "source";

  private StoreLayout() {}

  public static String spoolKey(String tag) {
    return "zeues:spool:{" + tag + "}";
  }

  public static String lockKey(String tag) {
    return spoolKey(tag) + ":lock";
  }

  public static String appliedKey(int commandsPartition) {
    return "zeues:applied:" + commandsPartition;
  }

  public static String commandKey(String tag, UUID commandId) {
    return spoolKey(tag) + ":cmd:" + commandId;
  }
}
