package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.Callers;
import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.tracing.CommandLogContext;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes commands and waits for their replies. It decides nothing: the processor does; this only
 * turns "no reply yet" into a {@link Submission.Pending} after the reply timeout.
 */
public class CommandGateway {

  private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);

  static final String OUTCOMES = "zeues.api.command.outcomes";
  static final String TIMEOUTS = "zeues.api.reply.timeouts";

  private final CommandBus bus;
  private final StatusReader statuses;
  private final WorkerDirectory workers;
  private final RolePolicy roles;
  private final Clock clock;
  private final Duration replyTimeout;
  private final MeterRegistry meters;
  private final Counter timeouts;
  private final AnsweredVersions answered;

  public CommandGateway(
      CommandBus bus,
      StatusReader statuses,
      WorkerDirectory workers,
      RolePolicy roles,
      Clock clock,
      Duration replyTimeout,
      MeterRegistry meters,
      AnsweredVersions answered) {
    this.answered = answered;
    this.bus = bus;
    this.statuses = statuses;
    this.workers = workers;
    this.roles = roles;
    this.clock = clock;
    this.replyTimeout = replyTimeout;
    this.meters = meters;
    this.timeouts =
        Counter.builder(TIMEOUTS)
            .description("Commands answered 202 because no reply came within the reply timeout")
            .register(meters);
  }

  /**
   * Stands for worker {@code id} in a command built from a request, until {@link #execute} puts the
   * directory's worker in its place: nothing a client writes names or tokens the worker who acts.
   */
  public static Worker workerById(int id) {
    return new Worker(id, "", "");
  }

  /**
   * Resolves the command's worker, publishes the command and waits up to the reply timeout for its
   * reply. The published command carries the worker as the directory names them ({@link
   * WorkerDirectory}); only the id of the worker given here counts. A worker who is unknown or
   * inactive is answered here, {@code WORKER_NO_ENCONTRADO}, and so is one without the role the
   * command needs ({@link RolePolicy}), {@code ROL_NO_AUTORIZADO}; nothing is published for either.
   * The published command names the request's authenticated device ({@link Callers}), if any, as
   * its {@code dispositivo}, whatever the request carried.
   *
   * @throws CommandBusUnavailableException when the command could not be published
   */
  public Submission execute(OccupationCommand request) {
    return execute(request, callingDevice());
  }

  /** The device credential of the request being handled; null when credentials are off. */
  private static @Nullable String callingDevice() {
    return Callers.current().map(Caller::id).orElse(null);
  }

  private Submission execute(OccupationCommand request, @Nullable String device) {
    try (CommandLogContext logged =
        CommandLogContext.open(request.commandId(), request.tagSpool())) {
      return resolveAndSubmit(request.withDispositivo(device));
    }
  }

  private Submission resolveAndSubmit(OccupationCommand request) {
    OccupationCommand command = request;
    if (request instanceof OccupationCommand.ByWorker byWorker) {
      int id = byWorker.worker().id();
      Optional<WorkerCatalogEntry> entry = workers.activeWorker(id);
      if (entry.isEmpty()) {
        return refused(
            request,
            RejectionReason.WORKER_NO_ENCONTRADO,
            "Trabajador " + id + " no existe o no está activo en Trabajadores");
      }
      Worker worker = entry.get().worker();
      command = byWorker.withWorker(worker);
      if (!roles.allows(command, entry.get().roles())) {
        Operacion operacion = roles.checkedOperation(command).orElseThrow();
        return refused(
            request,
            RejectionReason.ROL_NO_AUTORIZADO,
            "Trabajador "
                + worker.token()
                + " no tiene el rol "
                + RolePolicy.requirement(operacion)
                + " en Roles, requerido para "
                + operacion);
      }
    }
    CompletableFuture<CommandReply> reply;
    try {
      reply = bus.submit(command);
    } catch (CommandBusUnavailableException e) {
      count("KAFKA_NO_DISPONIBLE");
      throw e;
    }
    try {
      return counted(
          new Submission.Replied(reply.get(replyTimeout.toNanos(), TimeUnit.NANOSECONDS)));
    } catch (TimeoutException e) {
      bus.abandon(command.commandId());
      timeouts.increment();
      return counted(recordedOutcome(command.tagSpool(), command.commandId()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      bus.abandon(command.commandId());
      return counted(new Submission.Pending(command.commandId(), command.tagSpool()));
    } catch (ExecutionException e) {
      throw new IllegalStateException("reply future failed for " + command.commandId(), e);
    }
  }

  /** Answered by the API itself: the command is not published. */
  private Submission refused(OccupationCommand request, RejectionReason reason, String message) {
    return counted(
        new Submission.Replied(
            new CommandReply.Rejected(
                request.commandId(), request.tagSpool(), message, clock.instant(), reason, null)));
  }

  /**
   * Executes every command in parallel (each on its own key, each awaited on its own) and returns
   * the outcomes in the commands' order. A command that cannot be published is reported as {@link
   * Submission.Unpublished}; it does not fail the others.
   */
  public List<Submission> executeAll(List<? extends OccupationCommand> commands) {
    List<Future<Submission>> futures = new ArrayList<>(commands.size());
    String device = callingDevice(); // read here: the request's context stays on this thread
    // Each command's thread continues the request's trace (its spans are the request's children).
    try (ExecutorService parallel =
        ContextExecutorService.wrap(
            Executors.newVirtualThreadPerTaskExecutor(),
            ContextSnapshotFactory.builder().build())) {
      for (OccupationCommand command : commands) {
        futures.add(parallel.submit(() -> executeOrUnpublished(command, device)));
      }
    }
    List<Submission> outcomes = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      outcomes.add(futures.get(i).resultNow());
    }
    return outcomes;
  }

  private Submission executeOrUnpublished(OccupationCommand command, @Nullable String device) {
    try {
      return execute(command, device);
    } catch (CommandBusUnavailableException e) {
      return new Submission.Unpublished(command.commandId(), command.tagSpool(), e.getMessage());
    }
  }

  /** The reply may have been missed (e.g. decided while this instance was rebalancing). */
  private Submission recordedOutcome(String tagSpool, UUID commandId) {
    try {
      Optional<CommandReply> recorded = statuses.outcome(tagSpool, commandId);
      if (recorded.isPresent()) {
        return new Submission.Replied(recorded.get());
      }
    } catch (StatusUnavailableException e) {
      log.warn("could not check the recorded outcome of {}: {}", commandId, e.getMessage());
    }
    return new Submission.Pending(commandId, tagSpool);
  }

  private Submission counted(Submission outcome) {
    count(
        switch (outcome) {
          case Submission.Replied(CommandReply.Accepted a) -> {
            answered.answered(a.tagSpool(), a.version());
            yield "ACEPTADO";
          }
          case Submission.Replied(CommandReply.Rejected r) -> r.reason().name();
          case Submission.Pending p -> "PENDIENTE";
          case Submission.Unpublished u -> "KAFKA_NO_DISPONIBLE";
        });
    return outcome;
  }

  private void count(String code) {
    Counter.builder(OUTCOMES)
        .description("Command outcomes by code")
        .tag("code", code)
        .register(meters)
        .increment();
  }
}
