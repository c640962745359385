package cl.zeues.occupation.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URI;
import java.util.Set;

/**
 * The module's layering. Analyzes {@code cl.zeues.occupation.api} of this module's main classes:
 * they are located directly (see {@link MainClasses}) rather than by package, which would make
 * ArchUnit open every jar of the test class path looking for the package (seconds, for nothing: no
 * other jar holds it).
 */
@AnalyzeClasses(
    locations = ArchitectureTest.MainClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The package {@code cl.zeues.occupation.api} in the directory (or jar) of the main classes. */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      String root =
          CommandApiApplication.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toString();
      String pkg = CommandApiApplication.class.getPackageName().replace('.', '/') + "/";
      String uri = root.endsWith(".jar") ? "jar:" + root + "!/" + pkg : root + pkg;
      return Set.of(Location.of(URI.create(uri)));
    }
  }

  private static final String CORE = "cl.zeues.occupation.api.occupation";

  /** Guards the import itself: every main package is analyzed, and no test class. */
  @ArchTest
  static void analyzesEveryMainPackageAndNoTests(JavaClasses classes) {
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .containsExactlyInAnyOrder(
            "cl.zeues.occupation.api",
            "cl.zeues.occupation.api.catalog",
            "cl.zeues.occupation.api.security",
            "cl.zeues.occupation.api.web",
            CORE,
            CORE + ".web",
            CORE + ".kafka",
            CORE + ".redis");
    assertThat(classes.contain(CommandApiApplication.class)).isTrue();
    assertThat(classes.stream().map(JavaClass::getSimpleName))
        .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT") || name.startsWith("Fake"));
  }

  @ArchTest
  static final ArchRule httpDoesNotReachIntoKafkaOrRedis =
      noClasses()
          .that()
          .resideInAPackage("..web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..occupation.kafka..",
              "..occupation.redis..",
              "org.apache.kafka..",
              "org.springframework.kafka..",
              "io.lettuce..",
              "org.springframework.data.redis..");

  @ArchTest
  static final ArchRule coreKnowsOnlyItsPorts =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .and()
          .haveSimpleNameNotEndingWith("Configuration")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.apache.kafka..",
              "io.lettuce..",
              "jakarta.servlet..",
              "..occupation.web..",
              "..occupation.kafka..",
              "..occupation.redis..");

  @ArchTest
  static final ArchRule kafkaAdapterIgnoresTheOthers =
      noClasses()
          .that()
          .resideInAPackage("..occupation.kafka..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..occupation.redis..", "..web..");

  @ArchTest
  static final ArchRule redisAdapterIgnoresTheOthers =
      noClasses()
          .that()
          .resideInAPackage("..occupation.redis..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..occupation.kafka..", "..web..");
}
