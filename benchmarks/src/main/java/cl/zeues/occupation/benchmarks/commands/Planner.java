package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a {@link LoadDriver} gets its commands, each with the answer the decider predicts. */
interface Planner {

  /**
   * The next command at {@code now}; null when none can be planned.
   *
   * @param reserve keep its spool out of later plans until {@link #settle} (concurrent senders)
   */
  @Nullable Planned plan(Instant now, boolean reserve);

  /** The planned command's answer came (or will never come): its spool may be planned again. */
  void settle(Planned planned);

  /** The answer was not the predicted one: the spool takes no more commands. */
  void diverged(Planned planned);
}
