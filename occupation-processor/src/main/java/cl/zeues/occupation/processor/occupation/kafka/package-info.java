/**
 * Kafka adapters: the transactional batch listener on {@code occupation.commands}, publishing of
 * events, replies and dead letters, the catalog view of {@code spools.catalog}, topic creation.
 */
@NullMarked
package cl.zeues.occupation.processor.occupation.kafka;

import org.jspecify.annotations.NullMarked;
