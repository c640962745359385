package cl.zeues.occupation.views.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium and its chromedriver for the browser tests: found where Debian puts
 * them, or installed with {@code apt-get} when the tests run as root (as CI does), else absent with
 * a reason to skip on.
 */
final class Chromium {

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final List<Path> BROWSERS =
      List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
  private static final String[] INSTALL = {
    "apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium", "chromium-driver"
  };

  private Chromium() {}

  /** The browser binary, installing it first when missing and possible; empty says why not. */
  static Found find() {
    if (browser().isEmpty() || !Files.isExecutable(DRIVER)) {
      if (!"root".equals(System.getProperty("user.name"))) {
        return new Found(null, "chromium and chromium-driver are not installed and not root");
      }
      if (run(INSTALL) != 0 && (run("apt-get", "update", "-q") != 0 || run(INSTALL) != 0)) {
        return new Found(null, "apt-get install chromium chromium-driver failed");
      }
    }
    return browser()
        .map(path -> new Found(path, ""))
        .orElseGet(() -> new Found(null, "no chromium binary after the install"));
  }

  record Found(Path browser, String whyNot) {
    boolean available() {
      return browser != null && Files.isExecutable(DRIVER);
    }
  }

  private static Optional<Path> browser() {
    return BROWSERS.stream().filter(Files::isExecutable).findFirst();
  }

  private static int run(String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Path log = Files.createTempFile("apt-chromium", ".log");
      Process process = builder.redirectOutput(log.toFile()).start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
