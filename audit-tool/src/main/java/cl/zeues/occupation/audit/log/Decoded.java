package cl.zeues.occupation.audit.log;

import cl.zeues.occupation.events.OccupationEvent;

/** A record turned into an event, or the reason it could not be. */
public sealed interface Decoded {

  LogRecord record();

  record Event(LogRecord record, OccupationEvent event) implements Decoded {}

  record Malformed(LogRecord record, String reason) implements Decoded {}
}
