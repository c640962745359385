package cl.zeues.occupation.audit.cli;

import cl.zeues.occupation.audit.history.Durations;
import cl.zeues.occupation.audit.history.Session;
import cl.zeues.occupation.audit.history.Sessions;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "A spool's occupation sessions: worker, operation, start, end, how it ended, duration.",
      "Reads only the spool's partition (records keyed by the tag). Exit 0; 2: could not run."
    })
final class HistoryCommand extends LogCommand {

  @Parameters(index = "0", paramLabel = "TAG", description = "the spool's TAG_SPOOL")
  String tag = "";

  HistoryCommand(ToolContext context) {
    super(context);
  }

  record SessionJson(
      UUID occupationId,
      Worker worker,
      Operacion operacion,
      Instant start,
      @Nullable Instant end,
      @Nullable String endedBy,
      boolean reanudacion,
      String duration,
      long durationSeconds) {}

  record Report(int exit, String tagSpool, int events, long version, List<SessionJson> sessions) {}

  @Override
  public Integer call() {
    ZoneId zone = output.zoneId();
    List<OccupationEvent> events = SpoolEvents.read(this, tag);
    List<Session> sessions = Sessions.of(events);
    Instant now = context.clock().instant();
    long version = events.isEmpty() ? 0 : events.getLast().version();
    if (output.json) {
      printJson(
          new Report(
              CLEAN,
              tag,
              events.size(),
              version,
              sessions.stream()
                  .map(
                      s ->
                          new SessionJson(
                              s.occupationId(),
                              s.worker(),
                              s.operacion(),
                              s.start(),
                              s.end(),
                              s.endedBy(),
                              s.reanudacion(),
                              Durations.format(s.duration(now)),
                              s.duration(now).toSeconds()))
                  .toList()));
      return CLEAN;
    }
    if (events.isEmpty()) {
      println(tag + ": no events in " + kafka.source().topic());
      return CLEAN;
    }
    println(
        tag
            + ": "
            + events.size()
            + " events, version "
            + version
            + ", "
            + sessions.size()
            + " occupation session(s) (times in "
            + zone
            + ")");
    String format = "  %-3s %-10s %-5s %-19s  %-19s  %-10s %s%n";
    context
        .out()
        .printf(Locale.ROOT, format, "#", "worker", "op", "start", "end", "ended by", "duration");
    int n = 1;
    for (Session s : sessions) {
      context
          .out()
          .printf(
              Locale.ROOT,
              format,
              n++,
              s.worker().token(),
              s.operacion(),
              Times.print(s.start(), zone),
              s.open() ? "(occupied now)" : Times.print(s.end(), zone),
              s.open() ? "" : s.endedBy(),
              Durations.format(s.duration(now)) + (s.open() ? " so far" : ""));
    }
    return CLEAN;
  }
}
