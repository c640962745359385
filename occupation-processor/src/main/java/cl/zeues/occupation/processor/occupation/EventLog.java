package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationEvent;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The event log ({@code occupation.events}) as the processor reads it back to rebuild its store.
 */
public interface EventLog {

  /**
   * Feeds {@code sink} every committed event of the spools of commands partition {@code partition},
   * oldest first, through the log's end at the time of the call, each with its record value as
   * published (what the spool's next event links to, {@code EventChain}). Waits until no
   * transaction that was open at that end is still undecided, so no committed event is missed.
   *
   * @return how many events were read
   */
  long replay(int partition, BiConsumer<OccupationEvent, byte[]> sink);

  /**
   * Feeds {@code sink} the committed rejections of the spools of commands partition {@code
   * partition} decided at or after {@code since}, so a retried rejected command still gets its
   * first answer after the store was rebuilt.
   *
   * @return how many were read
   */
  long rejections(int partition, Instant since, Consumer<CommandReply.Rejected> sink);
}
