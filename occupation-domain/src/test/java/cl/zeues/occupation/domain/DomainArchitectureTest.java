package cl.zeues.occupation.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DomainArchitectureTest {

  /** This module's main classes only: importing by package would scan the whole test classpath. */
  // imported once for the class: each test method would otherwise import it again
  private static final JavaClasses domain = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(
          OccupationDecider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theImportHoldsTheDomain() {
    assertThat(domain.contain(OccupationDecider.class)).isTrue();
    assertThat(domain.contain(SpoolState.class)).isTrue();
  }

  @Test
  void theDomainIsPureJava() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "io.lettuce..",
            "com.google..",
            "redis..")
        .check(domain);
  }
}
