package cl.zeues.occupation.audit.history;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.sheets.MetadataRow;
import java.util.ArrayList;
import java.util.List;

/** A spool's occupation sessions, from its events in log order. */
public final class Sessions {

  private Sessions() {}

  /**
   * Pairs each TOMAR with the event that ends the same occupation (by occupation id). A release
   * that names no open occupation ends nothing here ({@code verify} reports it).
   */
  public static List<Session> of(List<? extends OccupationEvent> events) {
    List<Session> sessions = new ArrayList<>();
    int open = -1;
    for (OccupationEvent event : events) {
      if (event instanceof SpoolTomado taken) {
        sessions.add(
            new Session(
                taken.occupationId(),
                taken.worker(),
                taken.operacion(),
                taken.occurredAt(),
                null,
                null,
                taken.reanudacion()));
        open = sessions.size() - 1;
      } else if (open >= 0 && sessions.get(open).occupationId().equals(event.occupationId())) {
        Session session = sessions.get(open);
        sessions.set(
            open,
            new Session(
                session.occupationId(),
                session.worker(),
                session.operacion(),
                session.start(),
                event.occurredAt(),
                MetadataRow.accion(event),
                session.reanudacion()));
        open = -1;
      }
    }
    return sessions;
  }
}
