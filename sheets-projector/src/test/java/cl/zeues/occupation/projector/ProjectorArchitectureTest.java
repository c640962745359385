package cl.zeues.occupation.projector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.projector.catalog.CatalogImporter;
import com.google.api.services.sheets.v4.Sheets;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/**
 * The projector's layering: the catalog import's core knows its ports, not Kafka or Google; its
 * adapters do not use each other; projection and catalog import are separate features; and the
 * projection reaches Google only through the request layer that keeps the write budget.
 */
class ProjectorArchitectureTest {

  private static final String CATALOG = "cl.zeues.occupation.projector.catalog";
  private static final String PROJECTION = "cl.zeues.occupation.projector.projection";

  // imported once for the class: each test method would otherwise import it again
  private static final JavaClasses projector = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(
          ProjectorApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theImportHoldsBothFeaturesAndTheAdapters() {
    assertThat(projector.contain(CatalogImporter.class)).isTrue();
    assertThat(projector.containPackage(PROJECTION)).isTrue();
    assertThat(projector.containPackage(CATALOG + ".kafka")).isTrue();
    assertThat(projector.containPackage(CATALOG + ".sheets")).isTrue();
    assertThat(projector.containPackage(CATALOG + ".web")).isTrue();
  }

  @Test
  void theCatalogCoreDoesNotKnowKafkaGoogleOrItsAdapters() {
    noClasses()
        .that()
        .resideInAPackage(CATALOG)
        .and()
        .areNotAnnotatedWith(Configuration.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.springframework.kafka..",
            "com.google..",
            CATALOG + ".kafka..",
            CATALOG + ".sheets..",
            CATALOG + ".web..")
        .check(projector);
  }

  @Test
  void theCatalogAdaptersDoNotUseEachOther() {
    noClasses()
        .that()
        .resideInAPackage(CATALOG + ".kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google..", CATALOG + ".sheets..", CATALOG + ".web..")
        .check(projector);
    noClasses()
        .that()
        .resideInAPackage(CATALOG + ".sheets..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", CATALOG + ".kafka..", CATALOG + ".web..")
        .check(projector);
    noClasses()
        .that()
        .resideInAPackage(CATALOG + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..", "com.google..", CATALOG + ".kafka..", CATALOG + ".sheets..")
        .check(projector);
  }

  @Test
  void projectionAndCatalogImportAreSeparateFeatures() {
    noClasses()
        .that()
        .resideInAPackage(PROJECTION + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CATALOG + "..")
        .check(projector);
    noClasses()
        .that()
        .resideInAPackage(CATALOG + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(PROJECTION + "..")
        .check(projector);
  }

  @Test
  void theProjectionWritesOnlyThroughTheBudgetedRequestLayer() {
    noClasses()
        .that()
        .resideInAPackage(PROJECTION + "..")
        .and()
        .areNotAnnotatedWith(Configuration.class)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Sheets.class)
        .because("every request must pass sheets-rendering's SheetRequests (quota, 429 backoff)")
        .check(projector);
  }
}
