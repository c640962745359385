/**
 * The log's invariants (DESIGN.md section 3) checked over every committed record: a closed set of
 * {@link cl.zeues.occupation.audit.verify.Rule rules}, each broken one reported as a {@link
 * cl.zeues.occupation.audit.verify.Finding} naming the spool and the records.
 */
@NullMarked
package cl.zeues.occupation.audit.verify;

import org.jspecify.annotations.NullMarked;
