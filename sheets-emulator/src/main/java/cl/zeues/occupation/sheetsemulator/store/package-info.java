/** The thread-safe spreadsheet registry, its JSON file persistence and seeding from JSON or CSV. */
@NullMarked
package cl.zeues.occupation.sheetsemulator.store;

import org.jspecify.annotations.NullMarked;
