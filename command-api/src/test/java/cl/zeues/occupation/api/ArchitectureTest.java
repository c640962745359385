package cl.zeues.occupation.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "cl.zeues.occupation.api",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String CORE = "cl.zeues.occupation.api.occupation";

  @ArchTest
  static final ArchRule domainIsPure =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "org.apache.kafka..", "io.lettuce..", "com.google..")
          .allowEmptyShould(true);

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
