package cl.zeues.occupation.sheetsemulator.faults;

/**
 * Counters since start (or the last reset).
 *
 * @param reads read requests admitted
 * @param writes write requests admitted (a batch counts once)
 * @param rateLimited requests answered 429
 * @param serverErrors requests answered with an injected 503
 */
public record EmulatorStats(long reads, long writes, long rateLimited, long serverErrors) {}
