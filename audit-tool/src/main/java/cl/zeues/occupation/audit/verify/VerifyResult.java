package cl.zeues.occupation.audit.verify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code verify} found: how much it read, the count of findings per rule (every one), and the
 * findings themselves (up to the limit asked for).
 */
public record VerifyResult(
    long records, long events, int spools, Map<Rule, Long> counts, List<Finding> findings) {

  public VerifyResult {
    counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
    findings = List.copyOf(findings);
  }

  public long findingCount() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean clean() {
    return findingCount() == 0;
  }
}
