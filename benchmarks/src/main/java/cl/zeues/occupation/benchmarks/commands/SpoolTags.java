package cl.zeues.occupation.benchmarks.commands;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * A run's own spool tags, in the shop's {@code MK-####-XX-#####-###} shape (drawing, then up to 8
 * spools per drawing): the {@code MK-####-XX} prefix is drawn at random per run, so runs never
 * share a spool in Redis, and one prefix finds all of a run's keys when it cleans up.
 *
 * @param prefix {@code MK-4821-QX}
 */
record SpoolTags(String prefix, List<String> tags) {

  SpoolTags {
    tags = List.copyOf(tags);
  }

  /** {@code count} tags under a random prefix; about 6 million prefixes exist. */
  static SpoolTags draw(RandomGenerator random, int count) {
    String prefix =
        String.format(
            "MK-%04d-%c%c",
            1000 + random.nextInt(9000),
            (char) ('A' + random.nextInt(26)),
            (char) ('A' + random.nextInt(26)));
    return of(prefix, count);
  }

  static SpoolTags of(String prefix, int count) {
    if (count < 1 || count > 800_000) {
      throw new IllegalArgumentException("spools must be 1..800000, was " + count);
    }
    return new SpoolTags(
        prefix,
        IntStream.range(0, count)
            .mapToObj(i -> String.format("%s-%05d-%03d", prefix, i / 8, i % 8 + 1))
            .toList());
  }
}
