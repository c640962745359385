package cl.zeues.occupation.sheets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheets.client.SheetRequests;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A plain library: a command-line tool may use it without inheriting an application. The rendering
 * is pure; only the client package talks to Google.
 */
class RenderingArchitectureTest {

  // imported once for the class: each test method would otherwise import it again
  private static final JavaClasses library = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(
          OperacionesCells.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theImportHoldsTheRenderingAndTheClient() {
    assertThat(library.contain(OperacionesCells.class)).isTrue();
    assertThat(library.contain(SheetRequests.class)).isTrue();
  }

  @Test
  void noSpringNoKafkaNoMetricsLibrary() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.apache.kafka..", "io.micrometer..", "jakarta..")
        .check(library);
  }

  @Test
  void theRenderingDoesNotTalkToGoogle() {
    noClasses()
        .that()
        .resideInAPackage("cl.zeues.occupation.sheets")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google..", "cl.zeues.occupation.sheets.client..")
        .check(library);
  }
}
