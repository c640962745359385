package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** One way a planned command travels to a decision and back. */
interface CommandPath extends AutoCloseable {

  /**
   * Sends {@code planned}; the future completes with an {@link Outcome} code. A future that does
   * not complete within the caller's wait is {@linkplain #abandon abandoned}.
   */
  CompletableFuture<String> submit(Planned planned);

  /**
   * From now on, the answers' timings go to {@code breakdown} (null: nowhere); a path whose replies
   * carry no stamps records nothing.
   */
  default void breakdownInto(@Nullable Breakdown breakdown) {}

  /** Forget a request the caller stopped waiting for. */
  default void abandon(Planned planned) {}

  @Override
  void close();
}
