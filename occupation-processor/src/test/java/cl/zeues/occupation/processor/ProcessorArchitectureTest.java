package cl.zeues.occupation.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.processor.occupation.OccupationService;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The processor's layering: the decision core knows its ports, not Kafka or Redis. */
class ProcessorArchitectureTest {

  // imported once for the class: each test method would otherwise import it again
  private static final JavaClasses processor = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(
          OccupationService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theImportHoldsTheCoreAndTheAdapters() {
    assertThat(processor.contain(OccupationService.class)).isTrue();
    assertThat(processor.containPackage("cl.zeues.occupation.processor.occupation.redis")).isTrue();
    assertThat(processor.containPackage("cl.zeues.occupation.processor.occupation.kafka")).isTrue();
  }

  @Test
  void theCoreDoesNotKnowKafkaOrRedis() {
    noClasses()
        .that()
        .resideInAPackage("cl.zeues.occupation.processor.occupation")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.springframework.kafka..",
            "io.lettuce..",
            "..occupation.kafka..",
            "..occupation.redis..",
            "..occupation.lease..")
        .check(processor);
  }

  @Test
  void theAdaptersDoNotUseEachOther() {
    noClasses()
        .that()
        .resideInAPackage("..occupation.redis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..occupation.kafka..", "org.apache.kafka..")
        .check(processor);
    noClasses()
        .that()
        .resideInAPackage("..occupation.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..occupation.redis..", "io.lettuce..")
        .check(processor);
  }
}
