package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.SpoolState;
import org.jspecify.annotations.Nullable;

/**
 * One read of a spool's keys: its state, and the recorded outcome of the command being handled if
 * that command was decided before.
 */
public record StoredSpool(SpoolState state, @Nullable RecordedCommand recorded) {}
