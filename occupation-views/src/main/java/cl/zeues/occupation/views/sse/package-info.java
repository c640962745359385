/**
 * The live stream: {@code GET /api/sse/stream}, a bounded number of connections, each with a
 * bounded buffer, resumable by {@code Last-Event-ID}.
 */
@NullMarked
package cl.zeues.occupation.views.sse;

import org.jspecify.annotations.NullMarked;
