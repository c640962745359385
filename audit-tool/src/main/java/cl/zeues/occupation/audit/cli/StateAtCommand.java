package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.replay.LogFold;
import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.OperationProgress;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.sheets.SheetFormats;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "state-at",
    mixinStandardHelpOptions = true,
    description = {
      "A spool's state as of a past instant: who held it, since when, ARM and SOLD progress,"
          + " Estado_Detalle as the sheet showed it.",
      "Exit 0; 1: the spool's events up to then do not fold cleanly; 2: could not run."
    })
final class StateAtCommand extends LogCommand {

  @Parameters(index = "0", paramLabel = "TAG", description = "the spool's TAG_SPOOL")
  String tag = "";

  @Option(
      names = "--time",
      required = true,
      paramLabel = "TIME",
      description = "the instant (ISO instant, or local date-time in --zone)")
  String time = "";

  StateAtCommand(ToolContext context) {
    super(context);
  }

  record Report(
      int exit,
      String tagSpool,
      Instant at,
      long version,
      @Nullable Instant lastEventAt,
      @Nullable Occupation occupation,
      OperationProgress arm,
      OperationProgress sold,
      String estadoDetalle,
      long skippedEvents) {}

  @Override
  public Integer call() {
    ZoneId zone = output.zoneId();
    Instant at = Times.parse(time, zone);
    List<OccupationEvent> events = SpoolEvents.read(this, tag);
    LogFold fold = new LogFold(at, tag::equals);
    events.forEach(fold::accept);
    SpoolState state = fold.state(tag);
    Instant lastEventAt =
        events.stream()
            .filter(e -> e.version() == state.version() && !e.occurredAt().isAfter(at))
            .map(OccupationEvent::occurredAt)
            .reduce((a, b) -> b)
            .orElse(null);
    int exit = fold.unfoldable() == 0 ? CLEAN : FINDINGS;
    String estado = EstadoDetalle.of(state);
    if (output.json) {
      printJson(
          new Report(
              exit,
              tag,
              at,
              state.version(),
              lastEventAt,
              state.occupation(),
              state.arm(),
              state.sold(),
              estado,
              fold.unfoldable()));
      return exit;
    }
    println(tag + " at " + Times.print(at, zone) + " (" + zone + "):");
    if (state.version() == 0) {
      println("  no event yet: free, ARM and SOLD pendiente");
      return exit;
    }
    println(
        "  version         " + state.version() + " (since " + Times.print(lastEventAt, zone) + ")");
    Occupation occupation = state.occupation();
    println(
        "  Ocupado_Por     "
            + (occupation == null
                ? "(free)"
                : occupation.worker().token()
                    + " for "
                    + occupation.operacion()
                    + " since "
                    + Times.print(occupation.since(), zone)
                    + ", lease until "
                    + Times.print(occupation.leaseUntil(), zone)));
    println("  ARM             " + progress(state.arm()));
    println("  SOLD            " + progress(state.sold()));
    println("  Estado_Detalle  " + estado);
    if (fold.unfoldable() > 0) {
      println("  " + fold.unfoldable() + " event(s) did not fold and were skipped; run verify");
    }
    return exit;
  }

  private static String progress(OperationProgress progress) {
    StringBuilder text = new StringBuilder(progress.estado().name());
    if (progress.trabajador() != null) {
      text.append(", by ").append(progress.trabajador());
    }
    if (progress.fecha() != null) {
      text.append(", on ").append(SheetFormats.date(progress.fecha()));
    }
    return text.toString();
  }
}
