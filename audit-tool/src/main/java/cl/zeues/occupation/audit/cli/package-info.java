/**
 * The picocli subcommands and their shared options: each command reads the log (and the sheets),
 * hands the records to the pure logic of its feature package, and prints a human report or JSON.
 */
@NullMarked
package cl.zeues.occupation.audit.cli;

import org.jspecify.annotations.NullMarked;
