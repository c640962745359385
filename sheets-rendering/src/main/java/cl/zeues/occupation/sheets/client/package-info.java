/**
 * The Google Sheets client and the request layer over it: {@code RAW} writes held under a
 * per-minute budget, reads unformatted, 429 and 5xx retried with jittered backoff honouring {@code
 * Retry-After}. Plain Java, no Spring: the projector wires it as beans, the audit tool builds it
 * itself.
 */
@NullMarked
package cl.zeues.occupation.sheets.client;

import org.jspecify.annotations.NullMarked;
