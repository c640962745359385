package cl.zeues.occupation.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where figures come from: cores, CPU, JVM, OS, heap and how busy the machine was. Every bench
 * prints it first, because the figures mean little without it.
 *
 * @param loadAverage {@code /proc/loadavg}'s 1, 5 and 15 minute figures when measuring started
 */
public record Machine(
    String measuredAt,
    int cores,
    String cpu,
    String jvm,
    String os,
    long maxHeapMb,
    String loadAverage,
    String caveat) {

  /**
   * This machine now.
   *
   * @param sharedBy what shares the cores with the measurement, e.g. "broker, processor, API and
   *     driver"
   */
  public static Machine current(String sharedBy) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Machine(
        Instant.now().toString(),
        cores,
        cpuModel(),
        System.getProperty("java.vm.name")
            + " "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        loadAverageNow(),
        "measured on one noisy "
            + cores
            + "-core machine, "
            + sharedBy
            + " sharing it: read the figures as orders of magnitude, not as a specification");
  }

  public String describe() {
    return String.format(
        "machine: %d cores (%s), %s, %s, max heap %d MB; load average at start %s%n%s",
        cores, cpu, jvm, os, maxHeapMb, loadAverage, "figures: " + caveat);
  }

  /** {@code /proc/loadavg}'s 1, 5 and 15 minute figures: how busy the machine was. */
  public static String loadAverageNow() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown cpu");
    } catch (IOException | RuntimeException e) {
      return "unknown cpu";
    }
  }
}
