package cl.zeues.occupation.audit.log;

/** Where a record sits in the log: enough for anyone to fetch it again. */
public record RecordRef(int partition, long offset) implements Comparable<RecordRef> {

  @Override
  public int compareTo(RecordRef other) {
    int byPartition = Integer.compare(partition, other.partition);
    return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
  }

  @Override
  public String toString() {
    return partition + "@" + offset;
  }
}
