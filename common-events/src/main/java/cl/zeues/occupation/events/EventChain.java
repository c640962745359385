package cl.zeues.occupation.events;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A spool's events as a hash chain: each event carries, in {@link OccupationEvent#hashAnterior()},
 * the SHA-256 of the previous event's record value exactly as published to {@link Topics#EVENTS}.
 * The hash is over the published bytes, not a canonical re-encoding: a reader checks the chain with
 * the bytes it fetched, without a codec, and a replay learns a spool's last hash from its last
 * record alone, never re-encoding an event.
 *
 * <p>{@link JsonCodec} writes a record the same bytes every time (the golden files pin that form),
 * so the hash {@link #seal} computes from the events it encodes is the hash of the bytes the
 * processor then publishes for them.
 */
public final class EventChain {

  /** What a spool's first event carries: there is no previous event. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private final JsonCodec codec;

  public EventChain(JsonCodec codec) {
    this.codec = codec;
  }

  /**
   * One decision's events linked into their spool's chain, and the hash the spool's next event
   * links to.
   */
  public record Sealed(List<OccupationEvent> events, String lastHash) {
    public Sealed {
      events = List.copyOf(events);
    }
  }

  /**
   * Links {@code events} (one decision's, in order) after the spool's last event.
   *
   * @param previous the hash of the spool's last event ({@link #GENESIS} for a spool without
   *     events), or null when it is unknown (a state stored before the chain existed): the first
   *     event then starts the chain without a link
   */
  public Sealed seal(@Nullable String previous, List<? extends OccupationEvent> events) {
    List<OccupationEvent> linked = new ArrayList<>(events.size());
    String last = previous;
    for (OccupationEvent event : events) {
      OccupationEvent next = last == null ? event : event.withHashAnterior(last);
      linked.add(next);
      last = hashOf(codec.write(next));
    }
    if (last == null) {
      throw new IllegalArgumentException("nothing to seal: a decision records at least one event");
    }
    return new Sealed(linked, last);
  }

  /** The lowercase hex SHA-256 of an event record's value, the link its successor carries. */
  public static String hashOf(byte[] published) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(published));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
