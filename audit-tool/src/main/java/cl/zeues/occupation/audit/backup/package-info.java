/**
 * Backing up the events topic record by record to a JSON-lines file, and restoring such a file into
 * a cluster: the same keys, headers, values, timestamps and order in the same partitions.
 */
@NullMarked
package cl.zeues.occupation.audit.backup;

import org.jspecify.annotations.NullMarked;
