package cl.zeues.occupation.views.model;

import cl.zeues.occupation.events.OccupationEvent;

/**
 * Told of every event that changed a spool's view once the view is live (after its rebuild), in the
 * order the view applied them. Called on the feed's thread: implementations must not block.
 */
public interface SpoolChanges {

  void changed(OccupationEvent event, SpoolView view);
}
