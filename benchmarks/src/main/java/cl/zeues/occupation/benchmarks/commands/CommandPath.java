package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.benchmarks.commands.ShopFloor.Planned;
import java.util.concurrent.CompletableFuture;

/** One way a planned command travels to a decision and back. */
interface CommandPath extends AutoCloseable {

  /**
   * Sends {@code planned}; the future completes with an {@link Outcome} code. A future that does
   * not complete within the caller's wait is {@linkplain #abandon abandoned}.
   */
  CompletableFuture<String> submit(Planned planned);

  /** Forget a request the caller stopped waiting for. */
  default void abandon(Planned planned) {}

  @Override
  void close();
}
