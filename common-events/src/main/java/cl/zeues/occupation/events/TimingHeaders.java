package cl.zeues.occupation.events;

import java.time.Instant;

/**
 * Where one command's time went, as Kafka headers: each stamp is the moment (epoch microseconds, 8
 * bytes big-endian) a service reached a step. The command-api stamps the command as it publishes
 * it; the processor copies every stamp of the command onto its reply and adds its own. Readers (the
 * benchmarks) subtract neighbouring stamps; nothing decides on them. Stamps from two hosts are only
 * as comparable as their clocks.
 */
public final class TimingHeaders {

  /** Every stamp's header name starts with this. */
  public static final String PREFIX = "zeues-t-";

  /** The command-api is about to publish the command (validated, worker resolved). */
  public static final String API_PUBLISH = PREFIX + "api-publish";

  /** The processor's listener got the poll that holds the command. */
  public static final String RECEIVED = PREFIX + "received";

  /** The spool's state (and the command's record) came back from the store. */
  public static final String LOADED = PREFIX + "loaded";

  /** The decider decided. */
  public static final String DECIDED = PREFIX + "decided";

  /** The decision's write (or the rejection's record) came back from the store. */
  public static final String WRITTEN = PREFIX + "written";

  private TimingHeaders() {}

  /** Now, in epoch microseconds. */
  public static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  public static byte[] encode(long micros) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      bytes[i] = (byte) micros;
      micros >>>= 8;
    }
    return bytes;
  }

  /** The stamp a header carries, or -1 when it is not 8 bytes. */
  public static long decode(byte[] bytes) {
    if (bytes.length != Long.BYTES) {
      return -1;
    }
    long micros = 0;
    for (byte b : bytes) {
      micros = (micros << 8) | (b & 0xFF);
    }
    return micros;
  }
}
