package cl.zeues.occupation.audit.cli;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * What every command writes to and reads the time from.
 *
 * @param interactive stderr is a terminal (progress is drawn unless {@code --no-progress})
 */
public record ToolContext(PrintWriter out, PrintWriter err, boolean interactive, Clock clock) {}
