package cl.zeues.occupation.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URI;
import java.util.Set;

/** The module's layering, over its main classes only (located directly, as command-api does). */
@AnalyzeClasses(
    locations = ArchitectureTest.MainClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      String root =
          OccupationViewsConfiguration.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toString();
      String pkg = OccupationViewsConfiguration.class.getPackageName().replace('.', '/') + "/";
      String uri = root.endsWith(".jar") ? "jar:" + root + "!/" + pkg : root + pkg;
      return Set.of(Location.of(URI.create(uri)));
    }
  }

  @ArchTest
  static final ArchRule theModelIsPlainJava =
      noClasses()
          .that()
          .resideInAPackage("..views.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.apache.kafka..",
              "jakarta.servlet..",
              "tools.jackson..",
              "..views.kafka..",
              "..views.web..",
              "..views.sse..");

  @ArchTest
  static final ArchRule httpDoesNotReachIntoKafka =
      noClasses()
          .that()
          .resideInAnyPackage("..views.web..", "..views.sse..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.kafka..", "org.springframework.kafka..", "..views.kafka..");

  @ArchTest
  static final ArchRule theFeedKnowsNothingOfHttp =
      noClasses()
          .that()
          .resideInAPackage("..views.kafka..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..views.web..", "..views.sse..", "org.springframework.web..");
}
