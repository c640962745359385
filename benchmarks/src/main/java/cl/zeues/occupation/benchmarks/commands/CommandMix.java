package cl.zeues.occupation.benchmarks.commands;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The share of each tablet action in the offered load, as weights ({@code tomar:50,pausar:35,
 * completar:15}). PAUSAR, COMPLETAR and CANCELAR are sent by a spool's occupant; a TOMAR goes to a
 * free spool, or, for {@code conflictShare} of them, to a spool someone else holds (the race two
 * tablets run when both see the spool free).
 */
record CommandMix(Map<Action, Integer> weights, double conflictShare) {

  /** What a tablet asks. */
  enum Action {
    TOMAR,
    PAUSAR,
    COMPLETAR,
    CANCELAR
  }

  static final String DEFAULT = "tomar:50,pausar:35,completar:15";

  CommandMix {
    weights = Map.copyOf(weights);
    if (weights.values().stream().anyMatch(w -> w < 0)) {
      throw new IllegalArgumentException("mix weights must not be negative: " + weights);
    }
    if (weights.getOrDefault(Action.TOMAR, 0) == 0) {
      throw new IllegalArgumentException("the mix needs a TOMAR weight above 0: " + weights);
    }
    if (conflictShare < 0 || conflictShare > 1) {
      throw new IllegalArgumentException(
          "the conflict share must be between 0 and 1, was " + conflictShare);
    }
  }

  /**
   * Parses {@code action:weight} pairs separated by commas, e.g. {@code tomar:50,pausar:35}.
   *
   * @throws IllegalArgumentException naming the part that is not a known action and a whole number
   */
  static CommandMix parse(String text, double conflictShare) {
    Map<Action, Integer> weights = new EnumMap<>(Action.class);
    for (String part : text.split(",")) {
      String[] pair = part.strip().split(":");
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "expected action:weight (e.g. tomar:50), got '" + part.strip() + "'");
      }
      Action action;
      try {
        action = Action.valueOf(pair[0].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown action '" + pair[0].strip() + "' (tomar, pausar, completar, cancelar)");
      }
      try {
        weights.put(action, Integer.parseInt(pair[1].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the weight of " + pair[0].strip() + " is not a whole number: " + pair[1].strip());
      }
    }
    return new CommandMix(weights, conflictShare);
  }

  /** An action drawn with the mix's weights. */
  Action draw(RandomGenerator random) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int ticket = random.nextInt(total);
    for (Action action : Action.values()) {
      ticket -= weights.getOrDefault(action, 0);
      if (ticket < 0) {
        return action;
      }
    }
    throw new IllegalStateException("unreachable: weights sum to " + total);
  }

  /** Whether a TOMAR should race for a spool someone holds. */
  boolean conflicting(RandomGenerator random) {
    return random.nextDouble() < conflictShare;
  }

  /** {@code tomar:50,pausar:35,completar:15}, actions in their declared order. */
  String describe() {
    StringBuilder text = new StringBuilder();
    for (Action action : Action.values()) {
      int weight = weights.getOrDefault(action, 0);
      if (weight > 0) {
        text.append(text.isEmpty() ? "" : ",")
            .append(action.name().toLowerCase(Locale.ROOT))
            .append(':')
            .append(weight);
      }
    }
    return text.toString();
  }
}
