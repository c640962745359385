package cl.zeues.occupation.topicreader;

/**
 * How far a {@link TopicRead#readToEnd} has come, in offsets (which also number transaction
 * markers, so they measure the work, not the records).
 */
public interface ReadProgress {

  /**
   * After every poll.
   *
   * @param position offsets read so far, over all partitions
   * @param total offsets from the beginning to the end, over all partitions
   */
  void update(long position, long total);

  /** Once, when every partition has reached its end. */
  default void finished(long total) {}
}
