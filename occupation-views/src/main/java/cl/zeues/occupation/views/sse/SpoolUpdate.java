package cl.zeues.occupation.views.sse;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.views.model.SpoolView;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One change the stream carries: the event and the spool's view after it. {@code seq} orders
 * updates as this process applied them; the SSE {@code id} is the event's id.
 */
final class SpoolUpdate {

  final long seq;
  final OccupationEvent event;
  final SpoolView view;
  private volatile @Nullable String data;

  SpoolUpdate(long seq, OccupationEvent event, SpoolView view) {
    this.seq = seq;
    this.event = event;
    this.view = view;
  }

  String id() {
    return event.eventId().toString();
  }

  /**
   * The {@code data} line, rendered once by the first connection that sends it (off the feed's
   * thread); a race renders it twice to the same text, which is harmless.
   */
  String data(Function<SpoolUpdate, String> render) {
    String rendered = data;
    if (rendered == null) {
      rendered = render.apply(this);
      data = rendered;
    }
    return rendered;
  }
}
