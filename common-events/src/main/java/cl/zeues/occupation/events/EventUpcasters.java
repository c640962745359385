package cl.zeues.occupation.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The path for events written under an older schema version: each step rewrites the JSON of one
 * event type from version {@code n} to {@code n + 1}, and steps chain up to {@link
 * CloudEventHeaders#CURRENT_VERSION}. The log is kept forever, so a consumer must read every
 * version ever written; today every event is version 1 and {@link #NONE} is complete.
 */
public final class EventUpcasters {

  /** No steps: correct while every event ever written is at the current version. */
  public static final EventUpcasters NONE = new EventUpcasters(Map.of());

  private final Map<String, UnaryOperator<ObjectNode>> steps;

  private EventUpcasters(Map<String, UnaryOperator<ObjectNode>> steps) {
    this.steps = Map.copyOf(steps);
  }

  /** These steps plus one that rewrites {@code type} events from {@code fromVersion} upwards. */
  public EventUpcasters with(String type, int fromVersion, UnaryOperator<ObjectNode> step) {
    Map<String, UnaryOperator<ObjectNode>> more = new HashMap<>(steps);
    if (more.putIfAbsent(key(type, fromVersion), step) != null) {
      throw new IllegalArgumentException("two steps for " + type + " v" + fromVersion);
    }
    return new EventUpcasters(more);
  }

  /**
   * Rewrites {@code event}, written at {@code version}, into today's shape.
   *
   * @throws JsonCodec.MalformedRecordException for a version newer than this reader knows, or an
   *     older one without a complete chain of steps
   */
  ObjectNode upcast(ObjectNode event, int version) {
    String type = event.path("type").asString("");
    if (version > CloudEventHeaders.CURRENT_VERSION) {
      throw new JsonCodec.MalformedRecordException(
          type
              + " v"
              + version
              + " was written by a newer producer than this reader (knows up to v"
              + CloudEventHeaders.CURRENT_VERSION
              + "): upgrade the consumer");
    }
    ObjectNode current = event;
    for (int v = version; v < CloudEventHeaders.CURRENT_VERSION; v++) {
      UnaryOperator<ObjectNode> step = steps.get(key(type, v));
      if (step == null) {
        throw new JsonCodec.MalformedRecordException(
            "no upcaster for " + type + " v" + v + " -> v" + (v + 1));
      }
      current = step.apply(current);
    }
    return current;
  }

  private static String key(String type, int version) {
    return type + ".v" + version;
  }
}
