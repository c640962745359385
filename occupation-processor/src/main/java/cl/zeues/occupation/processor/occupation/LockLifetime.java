package cl.zeues.occupation.processor.occupation;

import cl.zeues.occupation.domain.Occupation;
import java.time.Clock;
import java.time.Duration;

/**
 * How long a spool's lock key lives: until its lease ends, plus a grace. A backstop only: the
 * lease's end is decided explicitly, as an event, by the sweeper.
 */
record LockLifetime(Clock clock, Duration grace) {

  Duration of(Occupation occupation) {
    Duration toLeaseEnd = Duration.between(clock.instant(), occupation.leaseUntil());
    return (toLeaseEnd.isNegative() ? Duration.ZERO : toLeaseEnd).plus(grace);
  }
}
