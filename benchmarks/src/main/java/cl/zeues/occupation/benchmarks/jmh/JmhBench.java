package cl.zeues.occupation.benchmarks.jmh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code jmh}: runs this module's JMH benchmarks with JMH's own command line ({@code -h} lists it).
 * Unless the command line says otherwise: this package's benchmarks, with the forks and iterations
 * their annotations ask for, results also in {@code target/jmh.json}.
 *
 * <p>JMH forks a JVM with this JVM's class path, and a Spring Boot exec jar's classes are nested in
 * it where a plain JVM cannot see them. So from the exec jar it first extracts the jar next to
 * itself with Spring Boot's own {@code -Djarmode=tools extract} (a plain jar with a {@code
 * Class-Path} of its libraries) and runs itself again from there.
 */
public final class JmhBench {

  private JmhBench() {}

  /** Runs JMH; returns the process exit status. */
  public static int run(String[] args) {
    try {
      Path execJar = nestedExecJar();
      if (execJar != null) {
        return relaunchExtracted(execJar, args);
      }
      CommandLineOptions cli = new CommandLineOptions(args);
      if (cli.shouldHelp() || cli.shouldList() || cli.shouldListProfilers()) {
        // JMH's own answers to -h, -l and -lprof.
        org.openjdk.jmh.Main.main(args);
        return 0;
      }
      new Runner(withDefaults(cli).build()).run();
      return 0;
    } catch (CommandLineOptionException e) {
      System.err.println("jmh: " + e.getMessage() + " (-h lists JMH's options)");
      return 2;
    } catch (RunnerException | IOException e) {
      System.err.println("jmh: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** The command line's options, and this module's defaults for what it leaves out. */
  static ChainedOptionsBuilder withDefaults(CommandLineOptions cli) {
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
    if (cli.getIncludes().isEmpty()) {
      options.include(Pattern.quote(JmhBench.class.getPackageName()) + "\\..*Benchmarks\\..*");
    }
    if (!cli.getResult().hasValue()) {
      options.result("target/jmh.json");
    }
    if (!cli.getResultFormat().hasValue()) {
      options.resultFormat(ResultFormatType.JSON);
    }
    return options;
  }

  /** The Spring Boot exec jar this JVM runs from, or null when the classes are plain files. */
  private static @Nullable Path nestedExecJar() throws IOException {
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return null;
    }
    Path jar = Path.of(classPath);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry("BOOT-INF/classes/") != null ? jar : null;
    }
  }

  private static int relaunchExtracted(Path execJar, String[] args)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path folder = execJar.resolveSibling("jmh-classpath");
    System.out.println("jmh: extracting " + execJar.getFileName() + " to " + folder);
    int extracted =
        run(
            List.of(
                java.toString(),
                "-Djarmode=tools",
                "-jar",
                execJar.toString(),
                "extract",
                "--destination",
                folder.toString(),
                "--force"));
    Path plainJar = folder.resolve(execJar.getFileName());
    if (extracted != 0 || !Files.exists(plainJar)) {
      System.err.println("jmh: could not extract " + execJar + " into " + folder);
      return 1;
    }
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", plainJar.toString()));
    command.add("jmh");
    command.addAll(List.of(args));
    return run(command);
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    try {
      return process.waitFor();
    } finally {
      if (process.isAlive()) {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }
}
