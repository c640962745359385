/**
 * The command path measured in one process: an in-process broker, the real Redis, the real
 * processor and command-api, a load driver with a fixed number of workers and a TOMAR/PAUSAR/
 * COMPLETAR mix, and a raw Kafka transactional request/reply baseline on the same broker.
 */
@NullMarked
package cl.zeues.occupation.benchmarks.commands;

import org.jspecify.annotations.NullMarked;
