package cl.zeues.occupation.views.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.testing.ShopLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The board at {@code /tablero/} in Debian's headless Chromium, driven by Selenium: the page loads
 * who holds what, a TOMAR published to the log shows on the open page within a second, its PAUSAR
 * takes the row off, and the filters narrow the rows. Saves {@code target/board.png} (a wall TV)
 * and {@code target/board-tablet.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardBrowserIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  /**
   * A bound, not the figure: the board shows a TOMAR within about 0.2 s (printed below), and a test
   * asserts behaviour, not speed, so a busy CI machine does not fail it on a slow second.
   */
  static final Duration LIVE = Duration.ofSeconds(10);

  static final String PREFIX = "MK-7601-";
  static final String LIVE_TAG = PREFIX + "CW-00042-007";

  static final List<WorkerCatalogEntry> SHOP =
      List.of(
          new WorkerCatalogEntry(120, "Juan Andrés", "Pérez Soto", true, List.of("Armador")),
          new WorkerCatalogEntry(121, "María", "Rojas", true, List.of("Soldador")),
          new WorkerCatalogEntry(122, "Luis", "Carrasco", true, List.of("Armador")),
          new WorkerCatalogEntry(123, "Camila", "Fuentes", true, List.of("Soldador")),
          new WorkerCatalogEntry(124, "Pedro", "Muñoz", true, List.of("Armador")));
  static final Worker JUAN = SHOP.get(0).worker();
  static final Worker MARIA = SHOP.get(1).worker();
  static final Worker LUIS = SHOP.get(2).worker();
  static final Worker CAMILA = SHOP.get(3).worker();
  static final Worker PEDRO = SHOP.get(4).worker();

  final SharedBroker kafka = SharedBroker.get();
  final ShopLog log =
      new ShopLog(7601, Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3)));
  ConfigurableApplicationContext app;
  OccupationViews views;
  ChromeDriver browser;
  Path profile;
  String board;

  @BeforeAll
  void aShopAndABrowser() throws IOException {
    Chromium.Found chromium = Chromium.find();
    if (!chromium.available()) {
      System.out.println("BoardBrowserIT skipped: " + chromium.whyNot());
    }
    Assumptions.assumeTrue(chromium.available(), "BoardBrowserIT skipped: " + chromium.whyNot());

    log.tomar(PREFIX + "CW-00040-001", JUAN, Operacion.ARM);
    log.advance(Duration.ofMinutes(20)).tomar(PREFIX + "CW-00040-002", LUIS, Operacion.ARM);
    log.advance(Duration.ofMinutes(5)).tomar(PREFIX + "CW-00041-003", PEDRO, Operacion.ARM);
    log.advance(Duration.ofMinutes(50)).completar(PREFIX + "CW-00041-003", PEDRO);
    log.advance(Duration.ofMinutes(3)).tomar(PREFIX + "CW-00041-003", MARIA, Operacion.SOLD);
    log.advance(Duration.ofMinutes(40)).tomar(PREFIX + "CW-00041-004", CAMILA, Operacion.ARM);
    log.advance(Duration.ofMinutes(30)).pausar(PREFIX + "CW-00041-004", CAMILA);
    log.advance(Duration.ofMinutes(2)).tomar(PREFIX + "CW-00041-005", PEDRO, Operacion.ARM);
    kafka.publishWorkers(SHOP);
    kafka.publishSpools(
        Stream.of("CW-00040-001", "CW-00040-002", "CW-00041-003", "CW-00041-004")
            .map(t -> new SpoolCatalogEntry(PREFIX + t, ShopLog.MATERIALES))
            .toList());
    kafka.publish(log.events());

    app = ViewsTestApplication.start(kafka.brokers());
    int port = ViewsTestApplication.port(app);
    Http http = new Http(port);
    await().atMost(WAIT).until(() -> http.get("/actuator/health/readiness").status() == 200);
    views = app.getBean(OccupationViews.class);
    await().atMost(WAIT).until(() -> views.versionOf(PREFIX + "CW-00041-005") == 1);
    board = "http://127.0.0.1:" + port + "/tablero/";

    profile = Files.createTempDirectory("board-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.browser().toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=es-CL",
        "--user-data-dir=" + profile);
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
    browser.manage().window().setSize(new Dimension(1920, 1080));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aTomarShowsOnTheOpenBoardWithinASecondAndItsPausarTakesTheRowOff() throws IOException {
    openBoard("");
    // Newest first among this test's spools (other ITs on the shared broker add their own rows).
    assertThat(ours()).startsWith(PREFIX + "CW-00041-005", PREFIX + "CW-00041-003");
    assertThat(tags()).doesNotContain(PREFIX + "CW-00041-004", LIVE_TAG);

    log.advance(Duration.between(log.now(), Instant.now()));
    long started = System.nanoTime();
    kafka.publish(log.tomar(LIVE_TAG, JUAN, Operacion.ARM));
    await()
        .atMost(LIVE.minusNanos(System.nanoTime() - started))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> tags().contains(LIVE_TAG));
    long shown = System.nanoTime();

    List<String> cells = cellsOf(LIVE_TAG);
    assertThat(cells.subList(0, 3)).containsExactly(LIVE_TAG, "ARM", "Juan Andrés Pérez Soto");
    assertThat(cells.get(3)).contains("hace");
    assertThat(cells.get(4)).contains("JP(120)");
    assertThat(ours().getFirst()).isEqualTo(LIVE_TAG);
    assertThat(browser.findElement(By.id("conexion")).getText()).isEqualTo("En vivo");
    screenshot("board.png");

    browser.manage().window().setSize(new Dimension(800, 1280));
    screenshot("board-tablet.png");
    browser.manage().window().setSize(new Dimension(1920, 1080));

    log.advance(Duration.ofSeconds(30));
    long paused = System.nanoTime();
    kafka.publish(log.pausar(LIVE_TAG, JUAN));
    await()
        .atMost(LIVE.minusNanos(System.nanoTime() - paused))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !tags().contains(LIVE_TAG));
    long removed = System.nanoTime();

    System.out.printf(
        "Board: TOMAR on the page %d ms after its publish began, PAUSAR off the page after %d"
            + " ms%n",
        (shown - started) / 1_000_000, (removed - paused) / 1_000_000);
  }

  @Test
  void theFiltersNarrowTheRowsByOperationAndByWorker() {
    browser.get(board.substring(0, board.length() - 1));
    assertThat(browser.getCurrentUrl()).isEqualTo(board);
    openBoard("?operacion=SOLD");
    assertThat(ours()).containsExactly(PREFIX + "CW-00041-003");

    browser.findElement(By.cssSelector("#filtro-operacion option[value='']")).click();
    browser.findElement(By.cssSelector("#filtro-trabajador option[value='124']")).click();
    assertThat(ours()).containsExactly(PREFIX + "CW-00041-005");
    assertThat(browser.getCurrentUrl()).endsWith("/tablero/?trabajador=124");
    assertThat(browser.findElement(By.cssSelector("#filtro-trabajador")).getText())
        .contains("PM(124) · Pedro Muñoz");
  }

  private void openBoard(String query) {
    browser.get(board + query);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded"))
                    && "open"
                        .equals(browser.findElement(By.id("conexion")).getAttribute("data-state")));
  }

  /**
   * The rows' tags, read in one script: the page re-renders as other tests' updates stream in, so
   * element handles would go stale between two WebDriver calls.
   */
  @SuppressWarnings("unchecked")
  private List<String> tags() {
    return (List<String>)
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#filas tr'))"
                    + ".map(function (r) { return r.getAttribute('data-tag'); });");
  }

  /** A row's cell texts (Spool, Operación, Ocupado por, Desde, Estado), read in one script. */
  @SuppressWarnings("unchecked")
  private List<String> cellsOf(String tag) {
    return (List<String>)
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "var r = document.querySelector(\"#filas tr[data-tag='\" + arguments[0] + \"']\");"
                    + " return Array.from(r.querySelectorAll('td'))"
                    + ".map(function (c) { return c.innerText; });",
                tag);
  }

  private List<String> ours() {
    return tags().stream().filter(t -> t.startsWith(PREFIX)).toList();
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
  }
}
