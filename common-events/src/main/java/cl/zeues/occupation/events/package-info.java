/**
 * The wire contract every service shares: commands, events, replies, catalog records and topics.
 */
@NullMarked
package cl.zeues.occupation.events;

import org.jspecify.annotations.NullMarked;
