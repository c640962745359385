/**
 * The audit tool: picocli subcommands that read {@code occupation.events} from offset 0 and check,
 * replay, compare with the sheets, repair and export it. Entry point {@link
 * cl.zeues.occupation.audit.AuditTool}.
 */
@NullMarked
package cl.zeues.occupation.audit;

import org.jspecify.annotations.NullMarked;
