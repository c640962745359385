package cl.zeues.occupation.processor.occupation;

/**
 * Where a command record sits in {@code occupation.commands}. A command seen again at the same
 * place was decided before but its transaction never committed, so its events must be published
 * again; seen at a new place, it is a client's retry and gets only the first reply.
 */
public record CommandSource(int partition, long offset) {

  public static CommandSource parse(String text) {
    int colon = text.indexOf(':');
    return new CommandSource(
        Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return partition + ":" + offset;
  }
}
