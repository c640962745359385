package cl.zeues.occupation.audit.verify;

import cl.zeues.occupation.audit.log.RecordRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule: the spool it concerns (the record key when the payload has no readable tag), the
 * records involved in log position order of discovery (the earlier one first), and a sentence
 * saying what was seen.
 */
public record Finding(Rule rule, @Nullable String tagSpool, List<RecordRef> events, String detail) {

  public Finding {
    events = List.copyOf(events);
  }
}
