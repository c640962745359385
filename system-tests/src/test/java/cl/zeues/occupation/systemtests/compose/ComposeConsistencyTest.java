package cl.zeues.occupation.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.zeues.occupation.api.CommandApiApplication;
import cl.zeues.occupation.events.Topics;
import cl.zeues.occupation.processor.ProcessorApplication;
import cl.zeues.occupation.projector.ProjectorApplication;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps {@code docker/}'s two deployments honest against the code they deploy, without Docker: the
 * small one ({@code compose.yml}: one broker, one Redis) and production ({@code
 * compose.production.yml} merged over it as Compose merges files: three Kafka nodes, Redis with a
 * replica and Sentinel). In both, environment variable names are real settings of their service
 * (derived from the {@code @ConfigurationProperties} records by reflection, plus a short allow-list
 * of Spring Boot and JVM names that Boot's own metadata must know), published and health checked
 * ports are each service's {@code server.port}, builds copy the exec jar of a module that exists
 * (the one {@code Dockerfile}'s {@code ARG}s resolved from each service's {@code build.args}),
 * images are pinned, services start in order and publish on 127.0.0.1 only, Kafka replicates as
 * {@link Topics.Replication} says, and every service finds the Redis primary the same way. And
 * nobody acts as someone they are not: every Kafka listener takes SASL logins only and the broker
 * authorizes them, each service logs in to Kafka and Redis as its own user with a password that is
 * a compose secret (never an environment value), {@code docker/kafka/acls.txt} grants each service
 * what its settings need and lets only the processor write the log, Redis runs its users' ACL file
 * with {@code maxmemory} and {@code noeviction}, and every secret is one {@code
 * secrets/generate.sh} writes and is mounted where it is read.
 *
 * <p>Each check collects every problem it finds and fails once, listing them all. The {@code
 * *IsCaught} tests feed each check a deliberately broken copy of the compose file, so a check that
 * stopped seeing anything fails too.
 */
class ComposeConsistencyTest {

  /** Surefire runs in the module directory; the repository root is its parent. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final Path DOCKER = ROOT.resolve("docker");
  private static final Path COMPOSE_FILE = DOCKER.resolve("compose.yml");
  private static final Path PRODUCTION_FILE = DOCKER.resolve("compose.production.yml");
  private static final Path ENV_EXAMPLE = DOCKER.resolve(".env.example");
  private static final Path GENERATE_SECRETS = DOCKER.resolve("secrets/generate.sh");

  /** Names of the JVM and Google libraries, not Spring properties, that a service may be given. */
  private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

  private static final String GOOGLE_APPLICATION_CREDENTIALS = "GOOGLE_APPLICATION_CREDENTIALS";

  /** Compose's own variables, read from docker/.env but never interpolated into the file. */
  private static final Set<String> COMPOSE_VARIABLES =
      Set.of("COMPOSE_PROFILES", "COMPOSE_PROJECT_NAME", "COMPOSE_FILE");

  /**
   * What every service that logs in to Kafka sets: SASL with its own user, the password read from
   * its secret through the configtree import ({@code spring.kafka.properties.*} are Kafka client
   * configs, checked against Kafka's own lists).
   */
  private static final Set<String> KAFKA_LOGIN =
      Set.of(
          "spring.kafka.bootstrap-servers",
          "spring.config.import",
          "spring.kafka.security.protocol",
          "spring.kafka.properties.sasl.mechanism",
          "spring.kafka.properties.sasl.jaas.config");

  /** The deployed services log ECS JSON lines (README, "Traces and logs"). */
  private static final Set<String> STRUCTURED_LOGS = Set.of("logging.structured.format.console");

  /** Every module the compose file may build an image of, by module directory. */
  private static final Map<String, App> APPS =
      Map.of(
          "occupation-processor",
          App.spring(
              "occupation-processor",
              ProcessorApplication.class,
              ProcessorApplication.CONFIG_NAME,
              union(union(KAFKA_LOGIN, STRUCTURED_LOGS), Set.of("server.port")),
              Set.of(JAVA_TOOL_OPTIONS)),
          "command-api",
          App.spring(
              "command-api",
              CommandApiApplication.class,
              CommandApiApplication.CONFIG_NAME,
              union(
                  union(KAFKA_LOGIN, STRUCTURED_LOGS),
                  Set.of(
                      "spring.data.redis.url",
                      "spring.data.redis.timeout",
                      "spring.data.redis.sentinel.master",
                      "spring.data.redis.sentinel.nodes",
                      "server.port")),
              Set.of(JAVA_TOOL_OPTIONS)),
          "sheets-projector",
          App.spring(
              "sheets-projector",
              ProjectorApplication.class,
              ProjectorApplication.CONFIG_NAME,
              union(union(KAFKA_LOGIN, STRUCTURED_LOGS), Set.of("server.port")),
              Set.of(JAVA_TOOL_OPTIONS, GOOGLE_APPLICATION_CREDENTIALS)),
          "sheets-emulator",
          App.emulator(Set.of(JAVA_TOOL_OPTIONS)));

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");
  private static final Pattern URL_WITH_PORT =
      Pattern.compile("https?://([A-Za-z0-9.-]+):(\\d+)(/[^\\s\"']*)?");
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("(?<![A-Za-z0-9.-])([a-z][a-z0-9-]*):(\\d+)(?![0-9])");
  private static final Pattern EXEC_JAR =
      Pattern.compile("([a-z0-9][a-z0-9-]*)/target/([a-z0-9][a-z0-9-]*)-\\*-exec\\.jar");

  /** Each deployment and the replication its Kafka must have. */
  private static final Map<String, Topics.Replication> REPLICATION =
      Map.of(
          "small",
          Topics.Replication.SINGLE_BROKER,
          "production",
          Topics.Replication.THREE_BROKERS);

  // ---------------------------------------------------------------------------------------------
  // The checks, on the real files: each on both deployments.

  @Test
  void everyEnvironmentVariableIsASettingOfItsService() {
    assertThat(inEachDeployment(ComposeConsistencyTest::environmentProblems)).isEmpty();
  }

  @Test
  void portsAndHealthChecksUseEachServicesServerPort() {
    assertThat(inEachDeployment(ComposeConsistencyTest::portProblems)).isEmpty();
  }

  @Test
  void buildsCopyTheExecJarOfAModuleThatExists() {
    assertThat(inEachDeployment(ComposeConsistencyTest::buildProblems)).isEmpty();
  }

  @Test
  void imagesArePinnedAndRunAsAnUnprivilegedUser() {
    assertThat(inEachDeployment(ComposeConsistencyTest::imageProblems)).isEmpty();
  }

  @Test
  void servicesWaitForHealthyDependenciesAndPublishOnLoopbackOnly() {
    assertThat(inEachDeployment(ComposeConsistencyTest::topologyProblems)).isEmpty();
  }

  @Test
  void kafkaReplicatesAsTopicsSays() {
    List<String> problems = new ArrayList<>();
    deployments()
        .forEach(
            (name, compose) ->
                kafkaProblems(compose, REPLICATION.get(name))
                    .forEach(p -> problems.add(name + ": " + p)));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyServiceFindsTheRedisPrimaryTheSameWay() {
    assertThat(inEachDeployment(ComposeConsistencyTest::redisProblems)).isEmpty();
    assertThat(sentinels(production())).as("production's Sentinels").hasSize(3);
  }

  @Test
  void envExampleListsExactlyTheVariablesTheComposeFilesRead() throws IOException {
    assertThat(
            envExampleProblems(
                Files.readString(COMPOSE_FILE) + Files.readString(PRODUCTION_FILE),
                Files.readString(ENV_EXAMPLE)))
        .isEmpty();
  }

  @Test
  void everyoneLogsInToKafkaAsTheirOwnUserAndTheBrokerAuthorizes() {
    assertThat(inEachDeployment(ComposeConsistencyTest::kafkaSecurityProblems)).isEmpty();
  }

  @Test
  void theAclsGrantWhatEachServiceNeedsAndOnlyTheProcessorWritesTheLog() {
    KafkaAclFile acls = KafkaAclFile.read();
    assertThat(inEachDeployment(compose -> aclProblems(compose, acls))).isEmpty();
  }

  @Test
  void secretsAreGeneratedDeclaredAndMountedWhereReadAndNeverInTheEnvironment() throws IOException {
    String script = Files.readString(GENERATE_SECRETS);
    assertThat(inEachDeployment(compose -> secretProblems(compose, script))).isEmpty();
  }

  /**
   * What a service's Spring Boot makes of its environment and its mounted secrets: the configtree
   * import turns each file into a property, the placeholders in the settings read them, and the
   * {@code SPRING_KAFKA_PROPERTIES_*} variables land in Kafka's client properties.
   */
  @Test
  void secretsReachTheSettingsThatReadThemThroughSpringsConfigTree() throws IOException {
    for (Map.Entry<String, Map<String, Object>> entry : services(compose()).entrySet()) {
      Map<String, Object> service = entry.getValue();
      App app = appOf(entry.getKey(), service, new ArrayList<>());
      if (!(app instanceof SpringApp)) {
        continue;
      }
      Path tree = Files.createTempDirectory("configtree-");
      for (String target : mountedSecrets(service).keySet()) {
        Files.writeString(tree.resolve(target), "secret-of-" + target + "\n");
      }
      StandardEnvironment environment = new StandardEnvironment();
      MutablePropertySources sources = environment.getPropertySources();
      sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
      sources.replace(
          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          environmentPropertySource(effectiveEnvironment(service)));
      sources.addLast(
          new ConfigTreePropertySource(
              "configtree", tree, ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
      Binder binder =
          new Binder(
              ConfigurationPropertySources.get(environment),
              new PropertySourcesPlaceholdersResolver(environment));

      Map<String, String> kafka =
          binder
              .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
              .orElse(Map.of());
      assertThat(kafka)
          .as(entry.getKey())
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .hasEntrySatisfying(
              "sasl.jaas.config",
              jaas ->
                  assertThat(jaas)
                      .contains("username=\"" + KAFKA_USERS.get(app.module()) + "\"")
                      .contains("password=\"secret-of-kafka-password\""));
      String redisUrl =
          switch (app.module()) {
            case "occupation-processor" ->
                binder.bind("zeues.processor.redis-url", String.class).get();
            case "command-api" -> binder.bind("spring.data.redis.url", String.class).get();
            default -> null;
          };
      if (redisUrl != null) {
        assertThat(redisUrl)
            .as(entry.getKey())
            .isEqualTo(
                "redis://"
                    + REDIS_USERS.get(app.module())
                    + ":secret-of-redis-password@redis:6379");
      }
    }
  }

  /** The names derived from the records are the ones Spring Boot binds, checked by Boot itself. */
  @Test
  void derivedVariableNamesBindToTheirPropertiesInSpringBoot() {
    List<String> problems = new ArrayList<>();
    for (App app : APPS.values()) {
      if (!(app instanceof SpringApp)) {
        continue; // the emulator reads its environment itself (checked through its Main.parse)
      }
      app.settings()
          .forEach(
              (variable, property) -> {
                ConfigurationPropertySource source = environmentSource(Map.of(variable, "x"));
                if (source.getConfigurationProperty(ConfigurationPropertyName.of(property))
                    == null) {
                  problems.add(variable + " does not bind to " + property);
                }
              });
    }
    assertThat(problems).isEmpty();
    assertThat(APPS.get("occupation-processor").settings())
        .containsEntry("ZEUES_PROCESSOR_LEASE", "zeues.processor.lease")
        .containsEntry("ZEUES_PROCESSOR_RETRY_MAX_ATTEMPTS", "zeues.processor.retry.max-attempts");
    assertThat(APPS.get("sheets-projector").settings())
        .containsKeys(
            "ZEUES_SHEETS_SPREADSHEET_ID", "ZEUES_PROJECTION_MAX_WAIT", "ZEUES_CATALOG_INTERVAL");
    assertThat(APPS.get("sheets-emulator").settings()).containsKey("SHEETS_EMULATOR_PORT");
  }

  /** Every service is built from the one Dockerfile, told by build arguments which module it is. */
  @Test
  void everyServiceIsBuiltFromTheOneDockerfile() {
    deployments()
        .forEach(
            (name, compose) ->
                services(compose).values().stream()
                    .filter(service -> service.get("build") != null)
                    .forEach(
                        service ->
                            assertThat(dockerfileName(service))
                                .as("%s: %s", name, service.get("image"))
                                .isEqualTo("docker/Dockerfile")));
  }

  // ---------------------------------------------------------------------------------------------
  // The checks must be able to fail: each one, on a deliberately broken copy.

  @Test
  void aMisspelledSettingIsCaught() {
    Map<String, Object> compose = compose();
    environment(service(compose, "occupation-processor")).put("ZEUES_PROCESOR_LEASE", "12h");
    environment(service(compose, "command-api")).put("SPRING_DATA_REDIS_URI", "redis://redis");
    // A real setting, but of another service: the processor reads its own
    // zeues.processor.redis-url.
    environment(service(compose, "occupation-processor"))
        .put("SPRING_DATA_REDIS_URL", "redis://redis:6379");
    assertThat(environmentProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("ZEUES_PROCESOR_LEASE", "ZEUES_PROCESSOR_LEASE"))
        .anySatisfy(p -> assertThat(p).contains("SPRING_DATA_REDIS_URI"))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor: SPRING_DATA_REDIS_URL"));
  }

  @Test
  void aValueItsSettingCannotTakeIsCaught() {
    Map<String, Object> compose = compose();
    environment(service(compose, "occupation-processor"))
        .put("ZEUES_PROCESSOR_LEASE", "${ZEUES_PROCESSOR_LEASE:-twelve hours}");
    assertThat(environmentProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("zeues.processor.lease", "twelve hours"));
  }

  @Test
  void aWrongPortIsCaught() {
    Map<String, Object> compose = compose();
    service(compose, "command-api").put("ports", List.of("127.0.0.1:8080:8081"));
    Map<String, Object> healthcheck = map(service(compose, "sheets-projector").get("healthcheck"));
    healthcheck.put("test", List.of("CMD", "curl", "-f", "http://127.0.0.1:8080/actuator/health"));
    assertThat(portProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("command-api", "8081", "8080"))
        .anySatisfy(p -> assertThat(p).contains("sheets-projector", "8080", "8082"));
  }

  /** The image's EXPOSE and HEALTHCHECK follow the build arguments: a wrong one shows there. */
  @Test
  void aBuildArgumentThatDoesNotFitItsServiceIsCaught() {
    Map<String, Object> compose = compose();
    args(service(compose, "command-api")).put("PORT", "8081");
    args(service(compose, "sheets-emulator")).put("HEALTH_PATH", "/actuator/health");
    assertThat(portProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("command-api", "exposes [8081], not 8080"))
        .anySatisfy(
            p -> assertThat(p).contains("command-api", "HEALTHCHECK", "uses port 8081, not 8080"))
        .anySatisfy(
            p -> assertThat(p).contains("sheets-emulator", "does not check /_emulator/stats"));

    Map<String, Object> unbuilt = compose();
    args(service(unbuilt, "occupation-processor")).remove("MODULE");
    args(service(unbuilt, "command-api")).put("MODUL", "command-api");
    assertThat(buildProblems(unbuilt))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "${MODULE}", "no value"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "MODUL", "no ARG"));
  }

  @Test
  void aMissingDockerfileOrModuleIsCaught() {
    Map<String, Object> compose = compose();
    map(service(compose, "command-api").get("build")).put("dockerfile", "docker/nope/Dockerfile");
    args(service(compose, "occupation-processor")).put("MODULE", "occupation-procesor");
    assertThat(buildProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("docker/nope"))
        .anySatisfy(p -> assertThat(p).contains("no module occupation-procesor"));
    assertThat(
            copyProblems("COPY occupation-procesor/target/occupation-procesor-*-exec.jar /a.jar"))
        .anySatisfy(p -> assertThat(p).contains("occupation-procesor"));
    assertThat(copyProblems("COPY command-api/target/*.jar /app.jar"))
        .anySatisfy(p -> assertThat(p).contains("<module>/target/<artifactId>-*-exec.jar"));
  }

  @Test
  void anIgnoreFileLettingInMoreOrLessThanTheJarsIsCaught() {
    assertThat(
            ignoreProblems(
                "Dockerfile.dockerignore",
                List.of("# comment", "*", "!a/target/a-*-exec.jar", "!src"),
                Set.of("a/target/a-*-exec.jar", "b/target/b-*-exec.jar")))
        .anySatisfy(p -> assertThat(p).contains("lets in src"))
        .anySatisfy(p -> assertThat(p).contains("does not let b/target/b-*-exec.jar in"));
    assertThat(ignoreProblems("x", List.of("!a/target/a-*-exec.jar"), Set.of()))
        .anySatisfy(p -> assertThat(p).contains("does not begin with *"));
  }

  @Test
  void anUnpinnedImageIsCaught() {
    Map<String, Object> compose = compose();
    service(compose, "redis").put("image", "redis:latest");
    service(compose, "kafka").put("image", "apache/kafka");
    assertThat(imageProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("redis:latest"))
        .anySatisfy(p -> assertThat(p).contains("apache/kafka"));
  }

  @Test
  void aPortOnEveryInterfaceOrAnUnorderedStartIsCaught() {
    Map<String, Object> compose = compose();
    service(compose, "command-api").put("ports", List.of("8080:8080"));
    map(service(compose, "command-api").get("depends_on")).remove("occupation-processor");
    map(service(compose, "command-api").get("depends_on")).remove("redis");
    Map<String, Object> production = production();
    map(service(production, "occupation-processor").get("depends_on")).remove("kafka-3");
    assertThat(topologyProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("command-api", "127.0.0.1"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "redis", "depends_on"));
    assertThat(topologyProblems(production))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "kafka-3", "depends_on"));
  }

  @Test
  void aClusterThatDoesNotReplicateAsTopicsSaysIsCaught() {
    Map<String, Object> production = production();
    environment(service(production, "kafka-3")).put("KAFKA_MIN_INSYNC_REPLICAS", "1");
    environment(service(production, "kafka-2"))
        .put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093");
    environment(service(production, "occupation-processor"))
        .put("ZEUES_PROCESSOR_TOPIC_REPLICAS", "1");
    environment(service(production, "command-api"))
        .put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
    environment(service(production, "kafka-2")).put("KAFKA_LOG_DIRS", "/var/lib/kafka/logs");
    assertThat(kafkaProblems(production, Topics.Replication.THREE_BROKERS))
        .anySatisfy(p -> assertThat(p).contains("kafka-2", "KAFKA_LOG_DIRS", "but kafka has"))
        .anySatisfy(p -> assertThat(p).contains("kafka-2", "/var/lib/kafka/logs is on no volume"))
        .anySatisfy(p -> assertThat(p).contains("kafka-3", "KAFKA_MIN_INSYNC_REPLICAS=1", "2"))
        .anySatisfy(p -> assertThat(p).contains("kafka-2", "voters", "3@kafka-3:9093"))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "replicas 1", "3"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "kafka-2:9092"));

    Map<String, Object> small = compose();
    map(small.get("services")).remove("kafka");
    assertThat(kafkaProblems(small, Topics.Replication.SINGLE_BROKER))
        .anySatisfy(p -> assertThat(p).contains("0 Kafka nodes", "1"));
  }

  @Test
  void aServiceThatMissesTheSentinelsIsCaught() {
    Map<String, Object> production = production();
    environment(service(production, "occupation-processor"))
        .put("ZEUES_PROCESSOR_REDIS_URL", "redis://redis:6379");
    environment(service(production, "command-api"))
        .put("SPRING_DATA_REDIS_SENTINEL_NODES", "redis-sentinel-1:26379");
    map(production.get("services")).remove("redis-replica");
    assertThat(redisProblems(production))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "redis-sentinel://"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "redis-sentinel-2:26379"))
        .anySatisfy(p -> assertThat(p).contains("no replica"));

    Map<String, Object> small = compose();
    environment(service(small, "occupation-processor"))
        .put("ZEUES_PROCESSOR_REDIS_URL", "redis://redis-replica:6379");
    assertThat(redisProblems(small))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "redis-replica"));
  }

  @Test
  void anUndocumentedVariableIsCaught() {
    assertThat(envExampleProblems("x: ${ZEUES_NEW_THING:-1}\n", "ZEUES_OLD_THING=1\n"))
        .anySatisfy(p -> assertThat(p).contains("ZEUES_NEW_THING"))
        .anySatisfy(p -> assertThat(p).contains("ZEUES_OLD_THING"));
  }

  @Test
  void aListenerWithoutLoginAnOpenBrokerOrAServicePosingAsAnotherIsCaught() {
    Map<String, Object> compose = compose();
    Map<String, Object> kafka = environment(service(compose, "kafka"));
    kafka.put(
        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
        "INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,HOST:PLAINTEXT");
    kafka.remove("KAFKA_AUTHORIZER_CLASS_NAME");
    kafka.put("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "true");
    environment(service(compose, "occupation-processor"))
        .put(
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"command-api\" password=\"hunter2\";");
    map(service(compose, "command-api").get("depends_on")).remove("kafka-setup");
    service(compose, "kafka-setup").put("entrypoint", List.of("/bin/bash", "/etc/zeues/other.sh"));
    assertThat(kafkaSecurityProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("kafka-setup", "/etc/zeues/other.sh"))
        .anySatisfy(p -> assertThat(p).contains("kafka", "HOST:PLAINTEXT"))
        .anySatisfy(p -> assertThat(p).contains("kafka", "StandardAuthorizer"))
        .anySatisfy(p -> assertThat(p).contains("kafka", "allows everyone"))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "as command-api"))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "hunter2"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "starts before kafka-setup"));
  }

  @Test
  void anAclFileThatMissesANeedOrLetsAnotherWriteTheLogIsCaught() {
    List<String> lines =
        new ArrayList<>(
            readLines(KafkaAclFile.PATH).stream()
                .filter(line -> !line.contains("transactional-id:"))
                .toList());
    lines.add("command-api topic:occupation.events Write");
    lines.add("someone topic:occupation.commands Write");
    Map<String, Object> compose = compose();
    environment(service(compose, "occupation-processor"))
        .put("ZEUES_PROCESSOR_GROUP_ID", "another-group");
    assertThat(aclProblems(compose, KafkaAclFile.parse(lines)))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "TRANSACTIONAL_ID"))
        .anySatisfy(p -> assertThat(p).contains("GROUP another-group"))
        .anySatisfy(p -> assertThat(p).contains("lets command-api write occupation.events"))
        .anySatisfy(p -> assertThat(p).contains("someone", "no service's Kafka user"));
  }

  @Test
  void aRedisOpenToAnyoneOrUnboundedOrEvictingIsCaught() {
    Map<String, Object> compose = compose();
    service(compose, "redis")
        .put(
            "command",
            List.of("redis-server", "--appendonly", "yes", "--maxmemory-policy", "allkeys-lru"));
    environment(service(compose, "command-api")).put("SPRING_DATA_REDIS_URL", "redis://redis:6379");
    environment(service(compose, "occupation-processor"))
        .put("ZEUES_PROCESSOR_REDIS_URL", "redis://command-api:$${redis-password}@redis:6379");
    assertThat(redisProblems(compose))
        .anySatisfy(p -> assertThat(p).contains("redis", "--aclfile"))
        .anySatisfy(p -> assertThat(p).contains("redis", "--maxmemory"))
        .anySatisfy(p -> assertThat(p).contains("redis", "noeviction"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "as no user"))
        .anySatisfy(p -> assertThat(p).contains("occupation-processor", "as command-api"));
  }

  @Test
  void aSecretInTheEnvironmentOrNotMountedOrNotGeneratedIsCaught() {
    Map<String, Object> compose = compose();
    environment(service(compose, "command-api"))
        .put("SPRING_DATA_REDIS_URL", "redis://command-api:hunter2@redis:6379");
    environment(service(compose, "command-api")).put("SPRING_DATA_REDIS_PASSWORD", "hunter2");
    service(compose, "kafka").remove("secrets");
    map(compose.get("secrets")).put("extra-password", Map.of("file", "./secrets/extra-password"));
    assertThat(secretProblems(compose, "kafka-broker.jaas"))
        .anySatisfy(p -> assertThat(p).contains("command-api", "password in its URL"))
        .anySatisfy(p -> assertThat(p).contains("SPRING_DATA_REDIS_PASSWORD", "environment"))
        .anySatisfy(p -> assertThat(p).contains("kafka", "/run/secrets/kafka-broker.jaas"))
        .anySatisfy(p -> assertThat(p).contains("extra-password", "never writes"));
  }

  @Test
  void aOneShotServiceWaitedForAsHealthyIsCaught() {
    Map<String, Object> compose = compose();
    map(service(compose, "occupation-processor").get("depends_on"))
        .put("kafka-setup", Map.of("condition", "service_healthy"));
    assertThat(topologyProblems(compose))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "occupation-processor", "kafka-setup", "service_completed_successfully"));
  }

  /** Compose's merge: mappings key by key, {@code command} replaced, other sequences refused. */
  @Test
  void productionIsMergedOverTheSmallDeploymentAsComposeMergesFiles() {
    Map<String, Object> production = production();
    assertThat(resolvedEnvironment(service(production, "kafka")))
        .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
        .containsEntry("KAFKA_NODE_ID", "1")
        .containsEntry("KAFKA_LOG_DIRS", "/var/lib/kafka/data");
    assertThat(strings(service(production, "redis").get("command")))
        .contains("--replica-announce-ip")
        .containsOnlyOnce("--appendonly");
    assertThat(dependsOn(service(production, "occupation-processor")))
        .containsKeys("kafka", "kafka-2", "redis", "redis-sentinel-1");
    assertThat(services(compose())).doesNotContainKey("kafka-2");
    assertThatThrownBy(
            () -> merge(Map.of("ports", List.of("1:1")), Map.of("ports", List.of("2:2")), "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("x.ports");
  }

  // ---------------------------------------------------------------------------------------------
  // (1) environment variable names and values

  static List<String> environmentProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              App app = appOf(name, service, problems);
              if (app == null) {
                return;
              }
              Map<String, String> env = effectiveEnvironment(service);
              Set<String> valid = app.validVariables();
              for (String variable : env.keySet()) {
                if (!valid.contains(variable)) {
                  problems.add(
                      name
                          + ": "
                          + variable
                          + " is not a setting of "
                          + app.module()
                          + " (closest: "
                          + closest(variable, valid)
                          + ")");
                }
              }
              problems.addAll(app.bindingProblems(name, env));
            });
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // (2) ports

  static List<String> portProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              App app = appOf(name, service, problems);
              if (app == null) {
                return;
              }
              int port = app.port(effectiveEnvironment(service));
              List<PublishedPort> published = publishedPorts(service);
              if (published.stream().noneMatch(p -> p.container() == port)) {
                problems.add(
                    name + ": publishes container ports " + published + ", not its port " + port);
              }
              published.stream()
                  .filter(p -> p.container() != port)
                  .forEach(
                      p -> problems.add(name + ": publishes " + p + " but listens on " + port));
              List<Matcher> urls = urls(healthcheckCommand(service));
              if (urls.isEmpty()) {
                problems.add(name + ": no http health check on its port " + port);
              }
              for (Matcher url : urls) {
                checkHealthUrl(name + ": healthcheck", url, port, app, problems);
              }
              Dockerfile dockerfile = dockerfile(service);
              if (dockerfile != null) {
                List<String> exposed = dockerfile.all("EXPOSE");
                if (!exposed.equals(List.of(String.valueOf(port)))) {
                  problems.add(
                      name + ": " + dockerfile.path() + " exposes " + exposed + ", not " + port);
                }
                List<Matcher> imageUrls = urls(dockerfile.healthcheck());
                if (imageUrls.isEmpty()) {
                  problems.add(name + ": " + dockerfile.path() + " has no http HEALTHCHECK");
                }
                for (Matcher url : imageUrls) {
                  checkHealthUrl(
                      name + ": " + dockerfile.path() + " HEALTHCHECK", url, port, app, problems);
                }
              }
            });
    return problems;
  }

  private static void checkHealthUrl(
      String where, Matcher url, int port, App app, List<String> problems) {
    if (!Set.of("127.0.0.1", "localhost").contains(url.group(1))) {
      problems.add(where + ": " + url.group() + " is not this container's own address");
    }
    if (Integer.parseInt(url.group(2)) != port) {
      problems.add(where + ": " + url.group() + " uses port " + url.group(2) + ", not " + port);
    }
    String path = Objects.requireNonNullElse(url.group(3), "/");
    if (!path.equals(app.healthPath())) {
      problems.add(where + ": " + url.group() + " does not check " + app.healthPath());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // (3) builds

  static List<String> buildProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    Map<Path, Set<String>> copiedThrough = new TreeMap<>();
    services(compose)
        .forEach(
            (name, service) -> {
              if (service.get("build") == null) {
                return;
              }
              Path context = buildContext(service);
              if (!Files.isDirectory(context)) {
                problems.add(name + ": build context " + context + " does not exist");
                return;
              }
              Path file = context.resolve(dockerfileName(service)).normalize();
              if (!Files.isRegularFile(file)) {
                problems.add(name + ": dockerfile " + ROOT.relativize(file) + " does not exist");
                return;
              }
              Dockerfile dockerfile = Dockerfile.read(file, buildArgs(service));
              dockerfile.problems().forEach(p -> problems.add(name + ": " + p));
              List<Copy> copies = dockerfile.copies();
              if (copies.isEmpty()) {
                problems.add(name + ": " + dockerfile.path() + " copies no jar");
              }
              Path ignore = dockerignore(file, context);
              for (Copy copy : copies) {
                for (String source : copy.sources()) {
                  problems.addAll(
                      jarProblems(name + ": " + dockerfile.path() + ": COPY " + source, source));
                  if (ignore != null) {
                    copiedThrough.computeIfAbsent(ignore, i -> new TreeSet<>()).add(source);
                  }
                }
              }
            });
    // One ignore file serves every build of its Dockerfile: it lets in their jars and nothing else.
    copiedThrough.forEach(
        (ignore, sources) ->
            problems.addAll(
                ignoreProblems(ROOT.relativize(ignore).toString(), readLines(ignore), sources)));
    return problems;
  }

  /**
   * An ignore file that excludes everything ({@code *}) and then lets in exactly {@code copied}:
   * the jars the builds using it copy.
   */
  static List<String> ignoreProblems(String where, List<String> lines, Set<String> copied) {
    List<String> rules = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    List<String> problems = new ArrayList<>();
    if (rules.isEmpty() || !rules.getFirst().equals("*")) {
      problems.add(where + " does not begin with * (everything out, then the jars in)");
    }
    Set<String> allowed = new TreeSet<>();
    for (String rule : rules.subList(Math.min(1, rules.size()), rules.size())) {
      if (rule.startsWith("!")) {
        allowed.add(rule.substring(1));
      } else {
        problems.add(where + ": " + rule + " after * excludes nothing more");
      }
    }
    allowed.stream()
        .filter(a -> !copied.contains(a))
        .forEach(a -> problems.add(where + " lets in " + a + ", which no build copies"));
    copied.stream()
        .filter(c -> !allowed.contains(c))
        .forEach(c -> problems.add(where + " does not let " + c + " in"));
    return problems;
  }

  static List<String> copyProblems(String copyInstruction) {
    List<String> problems = new ArrayList<>();
    for (String source : Copy.parse(copyInstruction).sources()) {
      problems.addAll(jarProblems("COPY " + source, source));
    }
    return problems;
  }

  /** A jar source must be {@code <module>/target/<artifactId>-*-exec.jar} of a real module. */
  private static List<String> jarProblems(String where, String source) {
    Matcher jar = EXEC_JAR.matcher(source);
    if (!jar.matches()) {
      return List.of(where + " is not of the form <module>/target/<artifactId>-*-exec.jar");
    }
    String module = jar.group(1);
    Path pom = ROOT.resolve(module).resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return List.of(where + ": no module " + module + " (no " + module + "/pom.xml)");
    }
    List<String> problems = new ArrayList<>();
    String rootPom = readString(ROOT.resolve("pom.xml"));
    if (!rootPom.contains("<module>" + module + "</module>")) {
      problems.add(where + ": " + module + " is not a module of the root pom");
    }
    String modulePom = readString(pom);
    String artifactId = artifactId(modulePom);
    if (!jar.group(2).equals(artifactId)) {
      problems.add(where + ": the artifactId of " + module + " is " + artifactId);
    }
    if (!modulePom.contains("<classifier>exec</classifier>")
        && !modulePom.contains("<shadedClassifierName>exec</shadedClassifierName>")) {
      problems.add(where + ": " + module + "/pom.xml builds no jar with the classifier exec");
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // (4) images

  static List<String> imageProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              if (service.get("build") == null) {
                String image = String.valueOf(service.get("image"));
                if (!pinned(image)) {
                  problems.add(name + ": image " + image + " is not pinned to a version tag");
                }
                return;
              }
              Dockerfile dockerfile = dockerfile(service);
              if (dockerfile == null) {
                return; // reported by buildProblems
              }
              List<String> from = dockerfile.all("FROM");
              if (from.isEmpty()) {
                problems.add(name + ": " + dockerfile.path() + " has no FROM");
              }
              for (String base : from) {
                String image = base.split("\\s+")[0];
                if (!pinned(image)) {
                  problems.add(name + ": base image " + image + " is not pinned to a version tag");
                }
                Matcher temurin = Pattern.compile("eclipse-temurin:(\\d+)").matcher(image);
                if (!temurin.lookingAt() || Integer.parseInt(temurin.group(1)) < 21) {
                  problems.add(name + ": base image " + image + " is not an eclipse-temurin 21+");
                }
              }
              List<String> users = dockerfile.all("USER");
              String user = users.isEmpty() ? "root" : users.getLast().split(":")[0];
              if (user.equals("root") || user.equals("0")) {
                problems.add(name + ": " + dockerfile.path() + " runs as root");
              }
            });
    return problems;
  }

  private static boolean pinned(String image) {
    String withoutDigest = image.split("@")[0];
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    if (image.contains("@sha256:")) {
      return true;
    }
    if (colon <= slash) {
      return false;
    }
    String tag = withoutDigest.substring(colon + 1);
    return !tag.isBlank() && !tag.equals("latest") && !tag.contains("${");
  }

  // ---------------------------------------------------------------------------------------------
  // (5) start order, restarts, published addresses, profiles

  static List<String> topologyProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services = services(compose);
    services.forEach(
        (name, service) -> {
          if (isOneShot(service)) {
            if (service.get("healthcheck") != null || !service.containsKey("entrypoint")) {
              problems.add(name + ": a one-shot service runs its entrypoint, without healthcheck");
            }
          } else {
            if (!"unless-stopped".equals(service.get("restart"))) {
              problems.add(
                  name + ": restart is " + service.get("restart") + ", not unless-stopped");
            }
            if (service.get("healthcheck") == null) {
              problems.add(name + ": has no healthcheck");
            }
          }
          for (PublishedPort port : publishedPorts(service)) {
            if (!"127.0.0.1".equals(port.hostIp())) {
              problems.add(name + ": publishes " + port + " beyond 127.0.0.1");
            }
          }
          Map<String, Object> dependsOn = dependsOn(service);
          dependsOn.forEach(
              (target, how) -> {
                if (!services.containsKey(target)) {
                  problems.add(name + ": depends_on an unknown service " + target);
                  return;
                }
                // A one-shot service is waited for until it has done its work; others until
                // they are healthy.
                String wanted =
                    isOneShot(services.get(target))
                        ? "service_completed_successfully"
                        : "service_healthy";
                if (!(how instanceof Map<?, ?> condition)
                    || !wanted.equals(condition.get("condition"))) {
                  problems.add(name + ": depends_on " + target + " without " + wanted);
                }
              });
          // Every other service it names in its settings (kafka:9092, redis://redis:6379, ...).
          for (String value : resolvedEnvironment(service).values()) {
            Matcher reference = HOST_AND_PORT.matcher(value);
            while (reference.find()) {
              String target = reference.group(1);
              if (target.equals(name) || !services.containsKey(target)) {
                continue;
              }
              if (isKafkaNode(service) && isKafkaNode(services.get(target))) {
                continue; // peers of one cluster start together (kafkaProblems checks the voters)
              }
              if (!dependsOn.containsKey(target)) {
                problems.add(name + ": uses " + target + " but has no depends_on " + target);
              }
              Integer listening = listeningPort(target, services.get(target), reference.group(2));
              if (listening != null) {
                problems.add(
                    name
                        + ": uses "
                        + reference.group()
                        + " but "
                        + target
                        + " is on "
                        + listening);
              }
            }
          }
        });
    // Under each profile (and none), what depends_on names runs, and no host port is taken twice.
    Set<String> profiles = new TreeSet<>();
    services.values().forEach(s -> profiles.addAll(strings(s.get("profiles"))));
    List<Set<String>> activations = new ArrayList<>();
    activations.add(Set.of());
    profiles.forEach(p -> activations.add(Set.of(p)));
    for (Set<String> active : activations) {
      Map<String, String> hostPorts = new TreeMap<>();
      services.forEach(
          (name, service) -> {
            List<String> own = strings(service.get("profiles"));
            if (!own.isEmpty() && own.stream().noneMatch(active::contains)) {
              return;
            }
            for (String target : dependsOn(service).keySet()) {
              if (!services.containsKey(target)) {
                continue; // reported above
              }
              List<String> targetProfiles = strings(services.get(target).get("profiles"));
              if (!targetProfiles.isEmpty()
                  && targetProfiles.stream().noneMatch(active::contains)) {
                problems.add(
                    "profiles " + active + ": " + name + " depends on " + target + ", not active");
              }
            }
            for (PublishedPort port : publishedPorts(service)) {
              String other = hostPorts.put(port.hostIp() + ":" + port.host(), name);
              if (other != null) {
                problems.add(
                    "profiles " + active + ": " + name + " and " + other + " share " + port);
              }
            }
          });
    }
    return problems;
  }

  /** A Kafka node: Kafka's image running a broker or controller (not a tool run in that image). */
  private static boolean isKafkaNode(Map<String, Object> service) {
    return String.valueOf(service.get("image")).startsWith("apache/kafka:")
        && resolvedEnvironment(service).containsKey("KAFKA_PROCESS_ROLES");
  }

  /**
   * A service that does its work and exits (kafka-setup): restarted only when it fails, never
   * health checked; what depends on it waits for {@code service_completed_successfully}.
   */
  private static boolean isOneShot(Map<String, Object> service) {
    return "on-failure".equals(service.get("restart")) || "no".equals(service.get("restart"));
  }

  /**
   * Null when {@code port} is one {@code target} serves on; else the port it does serve on. Only
   * services whose port is known are checked: this repository's apps, and Kafka's advertised
   * listeners.
   */
  private static @Nullable Integer listeningPort(
      String target, Map<String, Object> service, String port) {
    App app = appOf(target, service, new ArrayList<>());
    if (app != null) {
      int own = app.port(effectiveEnvironment(service));
      return own == Integer.parseInt(port) ? null : own;
    }
    String advertised = resolvedEnvironment(service).get("KAFKA_ADVERTISED_LISTENERS");
    if (advertised != null && !advertised.contains("//" + target + ":" + port)) {
      Matcher own = Pattern.compile("//" + Pattern.quote(target) + ":(\\d+)").matcher(advertised);
      return own.find() ? Integer.valueOf(own.group(1)) : -1;
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // (6) Kafka: every node replicates as Topics says, and every service knows every node

  static List<String> kafkaProblems(Map<String, Object> compose, Topics.Replication replication) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services = services(compose);
    Map<String, Map<String, String>> nodes = new TreeMap<>();
    services.forEach(
        (name, service) -> {
          if (isKafkaNode(service)) {
            nodes.put(name, resolvedEnvironment(service));
          }
        });
    if (nodes.size() != replication.factor()) {
      problems.add(
          nodes.size()
              + " Kafka nodes "
              + nodes.keySet()
              + ", but Topics.Replication keeps "
              + replication.factor()
              + " copies");
    }
    Set<String> voters = new TreeSet<>();
    Set<String> brokers = new TreeSet<>();
    Set<String> clusterIds = new TreeSet<>();
    Map<String, String> nodeIds = new TreeMap<>();
    Map<String, String> volumes = new TreeMap<>();
    nodes.forEach(
        (name, env) -> {
          replication
              .brokerConfigs()
              .forEach(
                  (property, value) -> {
                    String variable = "KAFKA_" + variableName(property);
                    if (!value.equals(env.get(variable))) {
                      problems.add(
                          name
                              + ": "
                              + variable
                              + "="
                              + env.get(variable)
                              + ", but Topics.Replication says "
                              + property
                              + "="
                              + value);
                    }
                  });
          if (!"false".equals(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))) {
            problems.add(name + ": creates topics a client names (Topics creates them)");
          }
          if ("true".equals(env.get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE"))) {
            problems.add(name + ": may elect a leader that lacks acknowledged writes");
          }
          clusterIds.add(String.valueOf(env.get("CLUSTER_ID")));
          String id = String.valueOf(env.get("KAFKA_NODE_ID"));
          String other = nodeIds.put(id, name);
          if (other != null) {
            problems.add(name + " and " + other + " are both node " + id);
          }
          String roles = env.getOrDefault("KAFKA_PROCESS_ROLES", "");
          if (roles.contains("controller")) {
            Matcher controller =
                Pattern.compile("CONTROLLER://[^:,]*:(\\d+)")
                    .matcher(env.getOrDefault("KAFKA_LISTENERS", ""));
            voters.add(id + "@" + name + ":" + (controller.find() ? controller.group(1) : "?"));
          }
          if (roles.contains("broker")) {
            // The services reach a broker where the brokers reach each other.
            String listener = env.getOrDefault("KAFKA_INTER_BROKER_LISTENER_NAME", "?");
            Matcher internal =
                Pattern.compile("(?<![A-Z_])" + Pattern.quote(listener) + "://([^,]+)")
                    .matcher(env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
            brokers.add(internal.find() ? internal.group(1) : name + ":?");
          }
          String logDir = env.getOrDefault("KAFKA_LOG_DIRS", "");
          boolean mounted = false;
          for (Object mount : list(services.get(name).get("volumes"))) {
            String[] parts = String.valueOf(mount).split(":");
            if (parts.length >= 2 && parts[1].equals(logDir)) {
              mounted = true;
              String sharing = volumes.put(parts[0], name);
              if (sharing != null) {
                problems.add(name + " and " + sharing + " share the log volume " + parts[0]);
              }
            }
          }
          if (!mounted) {
            problems.add(name + ": its log " + logDir + " is on no volume");
          }
        });
    // Apart from who they are, the nodes are configured alike (the production file repeats node
    // 1's settings for nodes 2 and 3: YAML anchors do not cross files).
    Set<String> ownSettings = Set.of("KAFKA_NODE_ID", "KAFKA_ADVERTISED_LISTENERS");
    if (!nodes.isEmpty()) {
      String first = nodes.keySet().iterator().next();
      nodes.forEach(
          (name, env) -> {
            Set<String> variables = new TreeSet<>(env.keySet());
            variables.addAll(nodes.get(first).keySet());
            variables.removeAll(ownSettings);
            for (String variable : variables) {
              if (!Objects.equals(env.get(variable), nodes.get(first).get(variable))) {
                problems.add(
                    name
                        + ": "
                        + variable
                        + "="
                        + env.get(variable)
                        + ", but "
                        + first
                        + " has "
                        + nodes.get(first).get(variable));
              }
            }
          });
    }
    if (clusterIds.size() > 1) {
      problems.add("the nodes name different clusters: " + clusterIds);
    }
    nodes.forEach(
        (name, env) -> {
          Set<String> listed =
              new TreeSet<>(
                  List.of(env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(",")));
          if (!listed.equals(voters)) {
            problems.add(name + ": voters " + listed + ", but the controllers are " + voters);
          }
        });
    services.forEach(
        (name, service) -> {
          String bootstrap = resolvedEnvironment(service).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
          if (bootstrap != null && !new TreeSet<>(List.of(bootstrap.split(","))).equals(brokers)) {
            problems.add(
                name + ": bootstrap servers " + bootstrap + ", but the brokers are " + brokers);
          }
          App app = appOf(name, service, new ArrayList<>());
          if (app != null && app.module().equals("occupation-processor")) {
            String replicas = effectiveEnvironment(service).get("ZEUES_PROCESSOR_TOPIC_REPLICAS");
            if (!String.valueOf(replication.factor()).equals(replicas)) {
              problems.add(
                  name
                      + ": creates topics with replicas "
                      + replicas
                      + ", but Topics.Replication keeps "
                      + replication.factor());
            }
          }
        });
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // (7) Redis: one primary; with Sentinels, every service asks them for it

  static List<String> redisProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services = services(compose);
    Map<String, String> sentinels = sentinels(compose);
    List<String> primaries = new ArrayList<>();
    Map<String, String> replicas = new TreeMap<>();
    services.forEach(
        (name, service) -> {
          if (!String.valueOf(service.get("image")).startsWith("redis:")
              || sentinels.containsKey(name)) {
            return;
          }
          Matcher replicaOf =
              Pattern.compile("--replicaof (\\S+) (\\d+)").matcher(commandLine(service));
          if (replicaOf.find()) {
            replicas.put(name, replicaOf.group(1));
          } else {
            primaries.add(name);
          }
        });
    if (primaries.size() != 1) {
      problems.add("Redis primaries " + primaries + ": the processor's store needs exactly one");
      return problems;
    }
    String primary = primaries.getFirst();
    replicas.forEach(
        (replica, of) -> {
          if (!of.equals(primary)) {
            problems.add(replica + " replicates " + of + ", not the primary " + primary);
          }
        });
    // Every data node: its users from the generated ACL file, memory bounded, lock state never
    // evicted (lock keys carry a TTL, so only noeviction keeps them).
    List<String> dataNodes = new ArrayList<>(primaries);
    dataNodes.addAll(replicas.keySet());
    for (String node : dataNodes) {
      String command = commandLine(services.get(node));
      if (!command.contains("--aclfile /run/secrets/redis-users.acl")
          || !mountedSecrets(services.get(node)).containsKey("redis-users.acl")) {
        problems.add(node + ": no --aclfile /run/secrets/redis-users.acl, so anyone may log in");
      }
      if (!Pattern.compile("--maxmemory \\d+[kmg]b").matcher(command).find()) {
        problems.add(node + ": no --maxmemory, so Redis grows until the host runs out");
      }
      if (!command.contains("--maxmemory-policy noeviction")) {
        problems.add(node + ": a maxmemory-policy other than noeviction may evict a lock");
      }
      if (!healthcheckCommand(services.get(node)).contains("--user healthcheck")) {
        problems.add(node + ": its health check logs in as no user (the default user is off)");
      }
    }
    if (!replicas.isEmpty()) {
      for (String node : dataNodes) {
        if (!commandLine(services.get(node)).contains("redis-server /run/secrets/")) {
          problems.add(
              node + ": no configuration with the replication user to log in to a primary");
        }
      }
    }
    // Every service logs in as its own user with its secret password.
    services.forEach(
        (name, service) -> {
          App app = appOf(name, service, new ArrayList<>());
          if (app == null || !REDIS_USERS.containsKey(app.module())) {
            return;
          }
          String variable =
              app.module().equals("occupation-processor")
                  ? "ZEUES_PROCESSOR_REDIS_URL"
                  : "SPRING_DATA_REDIS_URL";
          Matcher userinfo =
              Pattern.compile("^[a-z-]+://([^:/@]+):([^@]*)@")
                  .matcher(resolvedEnvironment(service).getOrDefault(variable, ""));
          if (!userinfo.find()) {
            problems.add(name + ": " + variable + " logs in to Redis as no user");
            return;
          }
          String user = REDIS_USERS.get(app.module());
          if (!userinfo.group(1).equals(user)) {
            problems.add(name + ": logs in to Redis as " + userinfo.group(1) + ", not " + user);
          }
          problems.addAll(
              passwordProblems(
                  name, service, userinfo.group(2), "redis-password", "redis-" + user));
        });
    Map<String, String> redisSettings = new TreeMap<>();
    services.forEach(
        (name, service) -> {
          App app = appOf(name, service, new ArrayList<>());
          Map<String, String> env = resolvedEnvironment(service);
          if (app != null && app.module().equals("occupation-processor")) {
            redisSettings.put(
                name + " ZEUES_PROCESSOR_REDIS_URL", env.get("ZEUES_PROCESSOR_REDIS_URL"));
          }
          if (app != null && app.module().equals("command-api")) {
            redisSettings.put(name + " SPRING_DATA_REDIS_URL", env.get("SPRING_DATA_REDIS_URL"));
            redisSettings.put(
                name + " SPRING_DATA_REDIS_SENTINEL_MASTER",
                env.get("SPRING_DATA_REDIS_SENTINEL_MASTER"));
            redisSettings.put(
                name + " SPRING_DATA_REDIS_SENTINEL_NODES",
                env.get("SPRING_DATA_REDIS_SENTINEL_NODES"));
          }
        });
    if (sentinels.isEmpty()) {
      redisSettings.forEach(
          (setting, value) -> {
            if (setting.endsWith("_URL")
                && !("redis://" + primary + ":6379").equals(withoutUserinfo(value))) {
              problems.add(
                  setting + "=" + value + " is not the primary redis://" + primary + ":6379");
            } else if (setting.contains("SENTINEL") && value != null) {
              problems.add(setting + "=" + value + " names Sentinels this deployment has not");
            }
          });
      return problems;
    }
    if (replicas.isEmpty()) {
      problems.add("Sentinels but no replica of " + primary + " to promote");
    }
    Set<String> monitors = new TreeSet<>();
    Set<String> addresses = new TreeSet<>();
    sentinels.forEach(
        (name, config) -> {
          Matcher monitor =
              Pattern.compile("sentinel monitor (\\S+) (\\S+) (\\d+) (\\d+)").matcher(config);
          if (!monitor.find()) {
            problems.add(name + ": monitors no primary");
            return;
          }
          monitors.add(monitor.group(1));
          if (!monitor.group(2).equals(primary)) {
            problems.add(name + ": monitors " + monitor.group(2) + ", not the primary " + primary);
          }
          int quorum = Integer.parseInt(monitor.group(4));
          if (quorum <= sentinels.size() / 2 || quorum > sentinels.size()) {
            problems.add(name + ": quorum " + quorum + " is no majority of " + sentinels.size());
          }
          Matcher port = Pattern.compile("(?m)'port (\\d+)'|^port (\\d+)").matcher(config);
          addresses.add(
              name
                  + ":"
                  + (port.find()
                      ? Objects.requireNonNullElse(port.group(1), port.group(2))
                      : "26379"));
        });
    if (sentinels.size() < 3) {
      problems.add(sentinels.size() + " Sentinels: a majority of fewer than 3 is all of them");
    }
    if (monitors.size() != 1) {
      problems.add("the Sentinels monitor different names " + monitors);
      return problems;
    }
    String master = monitors.iterator().next();
    String expectedUrl = "redis-sentinel://" + String.join(",", addresses) + "#" + master;
    redisSettings.forEach(
        (setting, value) -> {
          if (setting.endsWith("ZEUES_PROCESSOR_REDIS_URL")
              && !sentinelUri(value).equals(sentinelUri(expectedUrl))) {
            problems.add(setting + "=" + value + ", but the Sentinels are " + expectedUrl);
          } else if (setting.endsWith("SENTINEL_MASTER") && !master.equals(value)) {
            problems.add(setting + "=" + value + ", but the Sentinels watch " + master);
          } else if (setting.endsWith("SENTINEL_NODES")
              && (value == null || !new TreeSet<>(List.of(value.split(","))).equals(addresses))) {
            problems.add(setting + "=" + value + ", but the Sentinels are " + addresses);
          }
        });
    return problems;
  }

  /** A Redis URI without its user and password. */
  private static @Nullable String withoutUserinfo(@Nullable String uri) {
    return uri == null ? null : uri.replaceFirst("^([a-z-]+://)[^/@]*@", "$1");
  }

  /** A lettuce Sentinel URI as its Sentinels (in any order) and primary name. */
  private static String sentinelUri(@Nullable String uri) {
    Matcher sentinel =
        Pattern.compile("redis-sentinel://([^/#]+)(?:/\\d+)?#(.+)")
            .matcher(String.valueOf(withoutUserinfo(uri)));
    return sentinel.matches()
        ? new TreeSet<>(List.of(sentinel.group(1).split(","))) + "#" + sentinel.group(2)
        : "not a redis-sentinel:// URI: " + uri;
  }

  /** The services running Redis Sentinel, with their command line (which holds the config). */
  private static Map<String, String> sentinels(Map<String, Object> compose) {
    Map<String, String> sentinels = new TreeMap<>();
    services(compose)
        .forEach(
            (name, service) -> {
              String command = commandLine(service);
              if (command.contains("--sentinel") || command.contains("redis-sentinel ")) {
                sentinels.put(name, command);
              }
            });
    return sentinels;
  }

  private static String commandLine(Map<String, Object> service) {
    Object command = service.get("command");
    return interpolate(
        command instanceof List<?> parts
            ? String.join(" ", parts.stream().map(String::valueOf).toList())
            : String.valueOf(Objects.requireNonNullElse(command, "")));
  }

  // ---------------------------------------------------------------------------------------------
  // (9) Kafka security: SASL everywhere, an authorizer, each service as its own user

  /** The broker's own user: PLAIN, the only super user, the one kafka-setup logs in as. */
  static final String KAFKA_BROKER_USER = "kafka-broker";

  /** Each module's Kafka user, as kafka/acls.txt and secrets/generate.sh name it. */
  static final Map<String, String> KAFKA_USERS =
      Map.of(
          "occupation-processor", "occupation-processor",
          "command-api", "command-api",
          "sheets-projector", "sheets-projector");

  /** Each module's Redis user, as secrets/generate.sh's ACL file names it. */
  static final Map<String, String> REDIS_USERS =
      Map.of("occupation-processor", "occupation-processor", "command-api", "command-api");

  private static final Pattern JAAS =
      Pattern.compile("(\\S+LoginModule) required username=\"([^\"]*)\" password=\"([^\"]*)\";");

  static List<String> kafkaSecurityProblems(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> services = services(compose);
    List<String> setups =
        services.entrySet().stream()
            .filter(
                s ->
                    String.valueOf(s.getValue().get("image")).startsWith("apache/kafka:")
                        && !isKafkaNode(s.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    services.forEach(
        (name, service) -> {
          Map<String, String> env = resolvedEnvironment(service);
          if (isKafkaNode(service)) {
            String protocols = env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "");
            for (String listener : protocols.split(",")) {
              if (!listener.substring(listener.indexOf(':') + 1).startsWith("SASL_")) {
                problems.add(name + ": listener " + listener + " takes clients without a login");
              }
            }
            if (!"org.apache.kafka.metadata.authorizer.StandardAuthorizer"
                .equals(env.get("KAFKA_AUTHORIZER_CLASS_NAME"))) {
              problems.add(name + ": no StandardAuthorizer, so every login may do anything");
            }
            if ("true".equals(env.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"))) {
              problems.add(name + ": allows everyone where no ACL is found");
            }
            if (!("User:" + KAFKA_BROKER_USER).equals(env.get("KAFKA_SUPER_USERS"))) {
              problems.add(
                  name + ": super users " + env.get("KAFKA_SUPER_USERS") + ", not the broker's");
            }
            Matcher jaas =
                Pattern.compile("java\\.security\\.auth\\.login\\.config=/run/secrets/(\\S+)")
                    .matcher(env.getOrDefault("KAFKA_OPTS", ""));
            if (!jaas.find() || !mountedSecrets(service).containsKey(jaas.group(1))) {
              problems.add(name + ": its JAAS file is not a secret mounted on it");
            }
          }
          App app = appOf(name, service, new ArrayList<>());
          if (app == null || !env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            return;
          }
          String user = KAFKA_USERS.get(app.module());
          if (!"SASL_PLAINTEXT".equals(env.get("SPRING_KAFKA_SECURITY_PROTOCOL"))
              || !"SCRAM-SHA-512".equals(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"))) {
            problems.add(name + ": does not log in to Kafka with SCRAM-SHA-512");
          }
          Matcher login =
              JAAS.matcher(env.getOrDefault("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", ""));
          if (!login.matches() || !login.group(1).endsWith(".scram.ScramLoginModule")) {
            problems.add(
                name + ": no ScramLoginModule in SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
          } else {
            if (!login.group(2).equals(user)) {
              problems.add(name + ": logs in to Kafka as " + login.group(2) + ", not " + user);
            }
            problems.addAll(
                passwordProblems(name, service, login.group(3), "kafka-password", "kafka-" + user));
          }
          setups.forEach(
              setup -> {
                Object how = dependsOn(service).get(setup);
                if (!(how instanceof Map<?, ?> condition)
                    || !"service_completed_successfully".equals(condition.get("condition"))) {
                  problems.add(name + ": starts before " + setup + " gave it its Kafka user");
                }
              });
        });
    if (setups.size() != 1) {
      problems.add(
          "one kafka-setup (Kafka's image, no node) gives users and ACLs; found " + setups);
      return problems;
    }
    Map<String, Object> setup = services.get(setups.getFirst());
    // Its script, and acls.txt beside it, are this repository's files mounted into it.
    List<String> entrypoint = strings(setup.get("entrypoint"));
    String script = entrypoint.isEmpty() ? "" : entrypoint.getLast();
    Path onHost = null;
    for (String volume : strings(setup.get("volumes"))) {
      String[] parts = volume.split(":");
      if (parts.length >= 2 && script.startsWith(parts[1] + "/")) {
        onHost = DOCKER.resolve(parts[0]).resolve(script.substring(parts[1].length() + 1));
      }
    }
    if (onHost == null
        || !Files.isRegularFile(onHost.normalize())
        || !onHost.normalize().resolveSibling("acls.txt").equals(KafkaAclFile.PATH)) {
      problems.add(
          setups.getFirst() + ": runs " + script + ", not docker/kafka/setup.sh beside acls.txt");
    }
    Map<String, String> mounted = mountedSecrets(setup);
    for (String user : KafkaAclFile.read().users()) {
      if (!mounted.containsKey("kafka-" + user + "-password")) {
        problems.add(setups.getFirst() + ": cannot give " + user + " its password (not mounted)");
      }
    }
    String bootstrap = resolvedEnvironment(setup).getOrDefault("KAFKA_BOOTSTRAP", "");
    services.forEach(
        (name, service) -> {
          if (isKafkaNode(service) && !bootstrap.contains(name + ":")) {
            problems.add(setups.getFirst() + ": KAFKA_BOOTSTRAP " + bootstrap + " misses " + name);
          }
        });
    return problems;
  }

  /**
   * A password in a setting is a Spring placeholder for the secret mounted as {@code target} (the
   * file the configtree import makes a property), whose source is {@code <secret>-password}.
   */
  private static List<String> passwordProblems(
      String name, Map<String, Object> service, String password, String target, String secret) {
    List<String> problems = new ArrayList<>();
    if (!password.equals("${" + target + "}")) {
      problems.add(name + ": password " + password + " is not the secret ${" + target + "}");
    }
    if (!(secret + "-password").equals(mountedSecrets(service).get(target))) {
      problems.add(
          name
              + ": mounts "
              + mountedSecrets(service).get(target)
              + " as "
              + target
              + ", not "
              + secret
              + "-password");
    }
    if (!"configtree:/run/secrets/"
        .equals(resolvedEnvironment(service).get("SPRING_CONFIG_IMPORT"))) {
      problems.add(name + ": SPRING_CONFIG_IMPORT does not read /run/secrets/ as a configtree");
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // (10) Kafka ACLs: each service may do what its settings need; only the processor writes the log

  static List<String> aclProblems(Map<String, Object> compose, KafkaAclFile acls) {
    List<String> problems = new ArrayList<>();
    for (String user : acls.users()) {
      if (!KAFKA_USERS.containsValue(user)) {
        problems.add("acls.txt grants " + user + ", which is no service's Kafka user");
      }
    }
    String processor = KAFKA_USERS.get("occupation-processor");
    String api = KAFKA_USERS.get("command-api");
    String projector = KAFKA_USERS.get("sheets-projector");
    List<Need> needs = new ArrayList<>();
    for (Topics.Spec topic : Topics.ALL) {
      needs.add(new Need(processor, ResourceType.TOPIC, topic.name(), AclOperation.CREATE));
      needs.add(new Need(processor, ResourceType.TOPIC, topic.name(), AclOperation.DESCRIBE));
    }
    needs.add(new Need(processor, ResourceType.TOPIC, Topics.COMMANDS.name(), AclOperation.READ));
    for (Topics.Spec written :
        List.of(Topics.COMMANDS, Topics.EVENTS, Topics.REPLIES, Topics.COMMANDS_DLT)) {
      needs.add(new Need(processor, ResourceType.TOPIC, written.name(), AclOperation.WRITE));
    }
    for (Topics.Spec read : List.of(Topics.EVENTS, Topics.REPLIES, Topics.SPOOL_CATALOG)) {
      needs.add(new Need(processor, ResourceType.TOPIC, read.name(), AclOperation.READ));
    }
    needs.add(new Need(api, ResourceType.TOPIC, Topics.COMMANDS.name(), AclOperation.WRITE));
    needs.add(new Need(api, ResourceType.TOPIC, Topics.REPLIES.name(), AclOperation.READ));
    needs.add(new Need(api, ResourceType.TOPIC, Topics.WORKER_CATALOG.name(), AclOperation.READ));
    needs.add(new Need(projector, ResourceType.TOPIC, Topics.EVENTS.name(), AclOperation.READ));
    for (Topics.Spec catalog : List.of(Topics.SPOOL_CATALOG, Topics.WORKER_CATALOG)) {
      needs.add(new Need(projector, ResourceType.TOPIC, catalog.name(), AclOperation.READ));
      needs.add(new Need(projector, ResourceType.TOPIC, catalog.name(), AclOperation.WRITE));
    }
    // Groups and transactional ids as the services' settings name them in this deployment.
    services(compose)
        .forEach(
            (name, service) -> {
              App app = appOf(name, service, new ArrayList<>());
              if (app == null) {
                return;
              }
              Map<String, String> env = new TreeMap<>(effectiveEnvironment(service));
              for (String setting :
                  List.of(
                      "ZEUES_PROCESSOR_GROUP_ID",
                      "ZEUES_PROCESSOR_TRANSACTION_ID_PREFIX",
                      "ZEUES_API_REPLY_GROUP_PREFIX",
                      "ZEUES_PROJECTION_GROUP_ID")) {
                env.putIfAbsent(setting, "<" + setting + " unset>");
              }
              switch (app.module()) {
                case "occupation-processor" -> {
                  needs.add(
                      new Need(
                          processor,
                          ResourceType.GROUP,
                          env.get("ZEUES_PROCESSOR_GROUP_ID"),
                          AclOperation.READ));
                  needs.add(
                      new Need(
                          processor,
                          ResourceType.TRANSACTIONAL_ID,
                          env.get("ZEUES_PROCESSOR_TRANSACTION_ID_PREFIX") + "<instance>-0",
                          AclOperation.WRITE));
                }
                case "command-api" ->
                    needs.add(
                        new Need(
                            api,
                            ResourceType.GROUP,
                            env.get("ZEUES_API_REPLY_GROUP_PREFIX") + "<instance>",
                            AclOperation.READ));
                case "sheets-projector" ->
                    needs.add(
                        new Need(
                            projector,
                            ResourceType.GROUP,
                            env.get("ZEUES_PROJECTION_GROUP_ID"),
                            AclOperation.READ));
                default -> {}
              }
            });
    for (Need need : needs) {
      if (!acls.allows(need.user(), need.type(), need.resource(), need.operation())) {
        problems.add(
            "acls.txt does not let "
                + need.user()
                + " "
                + need.operation()
                + " "
                + need.type()
                + " "
                + need.resource());
      }
    }
    // The source of truth and the answers: written by the processor alone.
    for (String topic : List.of(Topics.EVENTS.name(), Topics.REPLIES.name())) {
      for (String user : acls.users()) {
        if (!user.equals(processor)
            && acls.allows(user, ResourceType.TOPIC, topic, AclOperation.WRITE)) {
          problems.add("acls.txt lets " + user + " write " + topic);
        }
      }
    }
    return problems;
  }

  private record Need(String user, ResourceType type, String resource, AclOperation operation) {}

  // ---------------------------------------------------------------------------------------------
  // (11) secrets: declared, generated, mounted where read, never a value in the environment

  static List<String> secretProblems(Map<String, Object> compose, String generateScript) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> declared = map(compose.getOrDefault("secrets", Map.of()));
    declared.forEach(
        (secret, definition) -> {
          String file = interpolate(String.valueOf(map(definition).get("file")));
          String name = file.substring(file.lastIndexOf('/') + 1);
          if (!name.equals("google-service-account.json") && !generateScript.contains(name)) {
            problems.add("secret " + secret + ": secrets/generate.sh never writes " + file);
          }
        });
    Pattern sensitive = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS).*");
    services(compose)
        .forEach(
            (name, service) -> {
              Map<String, String> mounted = mountedSecrets(service);
              mounted.values().stream()
                  .filter(source -> !declared.containsKey(source))
                  .forEach(source -> problems.add(name + ": mounts undeclared secret " + source));
              String uses =
                  commandLine(service)
                      + " "
                      + healthcheckCommand(service)
                      + " "
                      + String.join(" ", resolvedEnvironment(service).values());
              Matcher path = Pattern.compile("/run/secrets/([A-Za-z0-9._-]+)").matcher(uses);
              while (path.find()) {
                if (!mounted.containsKey(path.group(1))) {
                  problems.add(name + ": reads /run/secrets/" + path.group(1) + ", not mounted");
                }
              }
              resolvedEnvironment(service)
                  .forEach(
                      (variable, value) -> {
                        Matcher password = Pattern.compile("password=\"([^\"]*)\"").matcher(value);
                        while (password.find()) {
                          if (!password.group(1).matches("\\$\\{[a-z.-]+}")) {
                            problems.add(name + ": " + variable + " holds a password");
                          }
                        }
                        Matcher userinfo = Pattern.compile("//[^:/@]+:([^@]+)@").matcher(value);
                        if (userinfo.find() && !userinfo.group(1).matches("\\$\\{[a-z.-]+}")) {
                          problems.add(name + ": " + variable + " holds a password in its URL");
                        }
                        // The admin token is still an environment variable (issue 13's API part).
                        if (sensitive.matcher(variable).matches()
                            && !variable.equals("ZEUES_API_ADMIN_TOKEN")
                            && !variable.equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
                            && !variable.equals("GOOGLE_APPLICATION_CREDENTIALS")) {
                          problems.add(
                              name + ": " + variable + " looks like a secret in the environment");
                        }
                      });
            });
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // (8) docker/.env.example

  static List<String> envExampleProblems(String composeText, String envExampleText) {
    Set<String> read = new TreeSet<>();
    String uncommented = composeText.replaceAll("(?m)^\\s*#.*$", "");
    Matcher variable = VARIABLE.matcher(uncommented.replace("$$", ""));
    while (variable.find()) {
      read.add(variable.group(1));
    }
    Set<String> listed = new TreeSet<>();
    Matcher line = Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(envExampleText);
    while (line.find()) {
      listed.add(line.group(1));
    }
    List<String> problems = new ArrayList<>();
    read.stream()
        .filter(v -> !listed.contains(v))
        .forEach(
            v -> problems.add(v + " is read by the compose files but not listed in .env.example"));
    listed.stream()
        .filter(v -> !read.contains(v) && !COMPOSE_VARIABLES.contains(v))
        .forEach(v -> problems.add(v + " is listed in .env.example but no compose file reads it"));
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // What each module is.

  /**
   * A module the compose file runs: its settings (variable name to property name), the other
   * variables it reads, its port and health path.
   */
  private interface App {

    String module();

    /** Environment variable name to the property it binds to. */
    Map<String, String> settings();

    Set<String> validVariables();

    int port(Map<String, String> environment);

    String healthPath();

    List<String> bindingProblems(String service, Map<String, String> environment);

    static App spring(
        String module,
        Class<?> main,
        String configName,
        Set<String> springProperties,
        Set<String> others) {
      return new SpringApp(
          module,
          main,
          configName.substring(configName.indexOf('=') + 1),
          springProperties,
          others);
    }

    static App emulator(Set<String> others) {
      return new EmulatorApp(others);
    }
  }

  /** A Spring Boot service: its {@code @ConfigurationProperties} records, found in its package. */
  private record SpringApp(
      String module,
      Class<?> main,
      String configName,
      Set<String> springProperties,
      Set<String> others)
      implements App {

    private static final Map<Class<?>, List<Class<?>>> PROPERTIES_CLASSES =
        new ConcurrentHashMap<>();

    @Override
    public Map<String, String> settings() {
      Map<String, String> settings = new TreeMap<>();
      components().forEach((variable, component) -> settings.put(variable, component.property()));
      return settings;
    }

    /** Each settings variable's record component: the property it binds and the type it takes. */
    private Map<String, Component> components() {
      Map<String, Component> components = new TreeMap<>();
      for (Class<?> type : propertiesClasses()) {
        collect(type, prefix(type), components);
      }
      return components;
    }

    @Override
    public Set<String> validVariables() {
      Set<String> valid = new TreeSet<>(settings().keySet());
      for (String property : springProperties) {
        if (!isSpringProperty(property) && !isKafkaClientProperty(property)) {
          throw new AssertionError(
              property + " is in the allow-list but Spring Boot has no such property");
        }
        valid.add(variableName(property));
      }
      valid.addAll(others);
      return valid;
    }

    @Override
    public int port(Map<String, String> environment) {
      String override = environment.get("SERVER_PORT");
      if (override != null) {
        return Integer.parseInt(override);
      }
      Object port = map(config().get("server")).get("port");
      return Integer.parseInt(String.valueOf(port));
    }

    @Override
    public String healthPath() {
      return "/actuator/health/readiness";
    }

    /**
     * Each settings value converts to its component's type with Boot's conversion service, the one
     * binding uses ({@code 12h}, {@code 1MB}, {@code 0.5}...). A whole {@code Binder} would check
     * the same and cost seconds more.
     */
    @Override
    public List<String> bindingProblems(String service, Map<String, String> environment) {
      List<String> problems = new ArrayList<>();
      Map<String, Component> components = components();
      environment.forEach(
          (variable, value) -> {
            Component component = components.get(variable);
            if (component == null || value.isEmpty()) {
              return;
            }
            try {
              ApplicationConversionService.getSharedInstance().convert(value, component.type());
            } catch (RuntimeException e) {
              problems.add(
                  service
                      + ": "
                      + variable
                      + "="
                      + value
                      + " is no "
                      + component.type().getSimpleName()
                      + " for "
                      + component.property()
                      + ": "
                      + causes(e));
            }
          });
      return problems;
    }

    private List<Class<?>> propertiesClasses() {
      return PROPERTIES_CLASSES.computeIfAbsent(main, SpringApp::scan);
    }

    /**
     * The {@code @ConfigurationProperties} types in the application's package (and below), in its
     * jar or classes directory. Only class files naming the annotation are loaded: loading all of
     * them, or Spring's component scan, costs seconds.
     */
    private static List<Class<?>> scan(Class<?> main) {
      byte[] annotation =
          ("L" + ConfigurationProperties.class.getName().replace('.', '/') + ";")
              .getBytes(StandardCharsets.UTF_8);
      String root = main.getPackageName().replace('.', '/') + "/";
      List<Class<?>> types = new ArrayList<>();
      try {
        Path location = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classFiles = new TreeMap<>();
        if (Files.isDirectory(location)) {
          try (Stream<Path> files = Files.walk(location.resolve(root))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
              classFiles.put(location.relativize(file).toString(), Files.readAllBytes(file));
            }
          }
        } else {
          try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
              if (entry.getName().startsWith(root) && entry.getName().endsWith(".class")) {
                try (InputStream in = jar.getInputStream(entry)) {
                  classFiles.put(entry.getName(), in.readAllBytes());
                }
              }
            }
          }
        }
        for (Map.Entry<String, byte[]> classFile : classFiles.entrySet()) {
          if (!contains(classFile.getValue(), annotation)) {
            continue;
          }
          String name = classFile.getKey().replace('\\', '/').replace('/', '.');
          Class<?> type =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()),
                  false,
                  main.getClassLoader());
          if (type.isAnnotationPresent(ConfigurationProperties.class)) {
            types.add(type);
          }
        }
      } catch (IOException | URISyntaxException | ClassNotFoundException e) {
        throw new IllegalStateException("cannot list the classes of " + main, e);
      }
      if (types.isEmpty()) {
        throw new AssertionError("no @ConfigurationProperties under " + main.getPackageName());
      }
      return List.copyOf(types);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    private Map<String, Object> config() {
      String resource = configName + ".yml";
      try (InputStream in = main.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new AssertionError(resource + " is not on the classpath");
        }
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String prefix(Class<?> type) {
      ConfigurationProperties annotation =
          AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
      return Objects.requireNonNull(annotation).prefix();
    }

    /** Record components, nested records too, as {@code PREFIX_COMPONENT_NAME} to property name. */
    private static void collect(Class<?> type, String prefix, Map<String, Component> out) {
      if (!type.isRecord()) {
        throw new AssertionError(
            type + " is not a record: teach ComposeConsistencyTest its properties");
      }
      for (RecordComponent component : type.getRecordComponents()) {
        String property = prefix + "." + kebab(component.getName());
        if (component.getType().isRecord()) {
          collect(component.getType(), property, out);
        } else {
          out.put(variableName(property), new Component(property, component.getType()));
        }
      }
    }
  }

  private record Component(String property, Class<?> type) {}

  /** The sheets emulator: plain Java, settings {@code SHEETS_EMULATOR_<NAME>} from its Main. */
  private record EmulatorApp(Set<String> others) implements App {

    private static final String MAIN = "cl.zeues.occupation.sheetsemulator.Main";

    @Override
    public String module() {
      return "sheets-emulator";
    }

    @Override
    public Map<String, String> settings() {
      Map<String, String> settings = new TreeMap<>();
      try {
        Field names = Class.forName(MAIN).getDeclaredField("NAMES");
        names.setAccessible(true);
        for (Object name : (List<?>) Objects.requireNonNull(names.get(null))) {
          settings.put("SHEETS_EMULATOR_" + variableName(name.toString()), "--" + name);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("the emulator's Main.NAMES moved: " + e, e);
      }
      return settings;
    }

    @Override
    public Set<String> validVariables() {
      Set<String> valid = new TreeSet<>(settings().keySet());
      valid.addAll(others);
      return valid;
    }

    @Override
    public int port(Map<String, String> environment) {
      return config(environment).port();
    }

    @Override
    public String healthPath() {
      return "/_emulator/stats";
    }

    @Override
    public List<String> bindingProblems(String service, Map<String, String> environment) {
      try {
        EmulatorConfig config = config(environment);
        if (!config.host().equals("0.0.0.0")) {
          return List.of(service + ": listens on " + config.host() + ", unreachable from others");
        }
        return List.of();
      } catch (RuntimeException e) {
        return List.of(service + ": the emulator refuses its environment: " + causes(e));
      }
    }

    /** What the emulator's own Main makes of this environment (and no arguments). */
    private static EmulatorConfig config(Map<String, String> environment) {
      try {
        Method parse = Class.forName(MAIN).getDeclaredMethod("parse", String[].class, Map.class);
        parse.setAccessible(true);
        return (EmulatorConfig)
            Objects.requireNonNull(parse.invoke(null, new String[0], environment));
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("the emulator's Main.parse moved: " + e, e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the compose file.

  /** The small deployment: {@code compose.yml} alone. A fresh copy each time (anchors unshared). */
  private static Map<String, Object> compose() {
    return load(COMPOSE_FILE);
  }

  /** Production: {@code compose.production.yml} merged over {@code compose.yml}. */
  private static Map<String, Object> production() {
    return map(merge(compose(), load(PRODUCTION_FILE), ""));
  }

  private static Map<String, Map<String, Object>> deployments() {
    Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
    deployments.put("small", compose());
    deployments.put("production", production());
    return deployments;
  }

  /** One check on both deployments, each problem prefixed with the deployment's name. */
  private static List<String> inEachDeployment(
      java.util.function.Function<Map<String, Object>, List<String>> check) {
    List<String> problems = new ArrayList<>();
    deployments()
        .forEach(
            (name, compose) -> check.apply(compose).forEach(p -> problems.add(name + ": " + p)));
    return problems;
  }

  private static Map<String, Object> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return map(copy(new Yaml(new SafeConstructor(new LoaderOptions())).load(in)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A deep, mutable copy: YAML aliases become separate objects. */
  private static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }

  /** The sequences Compose replaces when a later file sets them; other sequences it combines. */
  private static final Set<String> REPLACED_SEQUENCES = Set.of("command", "entrypoint", "test");

  /**
   * Compose's merge of a later file over an earlier one: mappings merge key by key (environment,
   * depends_on, volumes...), scalars and {@code command}/{@code entrypoint}/{@code
   * healthcheck.test} are replaced. The other sequences (ports, volumes of a service...) Compose
   * combines by rules of their own; the production file may not set one on a service compose.yml
   * already defines, so this merge refuses it rather than guess.
   */
  static @Nullable Object merge(@Nullable Object base, @Nullable Object override, String path) {
    if (base instanceof Map<?, ?> b && override instanceof Map<?, ?> o) {
      Map<String, Object> merged = map(copy(b));
      o.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            merged.put(key, merge(merged.get(key), v, path + "." + key));
          });
      return merged;
    }
    if (base instanceof List<?> b && override instanceof List<?> o) {
      String key = path.substring(path.lastIndexOf('.') + 1);
      if (key.equals("secrets") && path.startsWith(".services.")) {
        // Compose's unique resources: appended, one per target, the later file's winning.
        Map<String, Object> byTarget = new LinkedHashMap<>();
        Stream.concat(b.stream(), o.stream())
            .forEach(secret -> byTarget.put(secretTarget(secret), copy(secret)));
        return new ArrayList<>(byTarget.values());
      }
      if (!REPLACED_SEQUENCES.contains(key)) {
        throw new AssertionError(
            "the production file sets the sequence "
                + path
                + " that compose.yml has: Compose combines those by rules this test does not know");
      }
    }
    return copy(override);
  }

  /** Where a service's secret is mounted: /run/secrets/{target}, the source's name by default. */
  private static String secretTarget(@Nullable Object secret) {
    if (secret instanceof Map<?, ?> longSyntax) {
      Object target = longSyntax.get("target");
      return String.valueOf(target != null ? target : longSyntax.get("source"));
    }
    return String.valueOf(secret);
  }

  /** The service's secrets, target (the file under /run/secrets/) to source (the secret). */
  private static Map<String, String> mountedSecrets(Map<String, Object> service) {
    Map<String, String> mounted = new TreeMap<>();
    for (Object secret : list(service.get("secrets"))) {
      mounted.put(
          secretTarget(secret),
          secret instanceof Map<?, ?> longSyntax
              ? String.valueOf(longSyntax.get("source"))
              : String.valueOf(secret));
    }
    return mounted;
  }

  private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
    Map<String, Map<String, Object>> services = new TreeMap<>();
    map(compose.get("services")).forEach((name, service) -> services.put(name, map(service)));
    return services;
  }

  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return map(map(compose.get("services")).get(name));
  }

  /** The service's module, when it is built from one of this repository's exec jars. */
  private static @Nullable App appOf(
      String name, Map<String, Object> service, List<String> problems) {
    Dockerfile dockerfile = dockerfile(service);
    if (dockerfile == null) {
      return null;
    }
    for (Copy copy : dockerfile.copies()) {
      for (String source : copy.sources()) {
        Matcher jar = EXEC_JAR.matcher(source);
        if (jar.matches()) {
          App app = APPS.get(jar.group(1));
          if (app == null) {
            problems.add(name + ": module " + jar.group(1) + " has no entry in APPS of this test");
          }
          return app;
        }
      }
    }
    return null;
  }

  private static Map<String, Object> environment(Map<String, Object> service) {
    return map(service.get("environment"));
  }

  /**
   * The image's ENV under the service's environment: what the process sees, less the image's own
   * variables (what its HEALTHCHECK reads).
   */
  private static Map<String, String> effectiveEnvironment(Map<String, Object> service) {
    Map<String, String> effective = new TreeMap<>();
    Dockerfile dockerfile = dockerfile(service);
    if (dockerfile != null) {
      effective.putAll(dockerfile.env());
      effective.keySet().removeAll(dockerfile.ownVariables());
    }
    effective.putAll(resolvedEnvironment(service));
    return effective;
  }

  /** The service's environment as compose would pass it with an empty .env: defaults applied. */
  private static Map<String, String> resolvedEnvironment(Map<String, Object> service) {
    Map<String, String> resolved = new TreeMap<>();
    Object environment = service.get("environment");
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach(
          (k, v) ->
              resolved.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
    } else if (environment instanceof List<?> lines) {
      for (Object line : lines) {
        String text = String.valueOf(line);
        int eq = text.indexOf('=');
        resolved.put(
            eq < 0 ? text : text.substring(0, eq),
            eq < 0 ? "" : interpolate(text.substring(eq + 1)));
      }
    }
    return resolved;
  }

  /** Compose interpolation with nothing set: {@code ${A:-x}} is x, {@code ${A}} empty. */
  static String interpolate(String value) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
        int depth = 0;
        int end = i + 1;
        for (; end < value.length(); end++) {
          if (value.charAt(end) == '{') {
            depth++;
          } else if (value.charAt(end) == '}' && --depth == 0) {
            break;
          }
        }
        String inner = value.substring(i + 2, end);
        Matcher m =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?(.*)", Pattern.DOTALL)
                .matcher(inner);
        if (m.matches() && m.group(2) != null && m.group(2).endsWith("-")) {
          out.append(interpolate(m.group(3)));
        }
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private record PublishedPort(String hostIp, String host, int container) {
    @Override
    public String toString() {
      return (hostIp.isEmpty() ? "" : hostIp + ":") + host + ":" + container;
    }
  }

  private static List<PublishedPort> publishedPorts(Map<String, Object> service) {
    List<PublishedPort> ports = new ArrayList<>();
    for (Object entry : list(service.get("ports"))) {
      if (entry instanceof Map<?, ?> longSyntax) {
        ports.add(
            new PublishedPort(
                String.valueOf(Objects.requireNonNullElse(longSyntax.get("host_ip"), "")),
                interpolate(String.valueOf(longSyntax.get("published"))),
                Integer.parseInt(interpolate(String.valueOf(longSyntax.get("target"))))));
        continue;
      }
      String[] parts = interpolate(String.valueOf(entry)).split("/")[0].split(":");
      int container = Integer.parseInt(parts[parts.length - 1]);
      String host = parts.length >= 2 ? parts[parts.length - 2] : "";
      String hostIp = parts.length >= 3 ? parts[0] : "";
      ports.add(new PublishedPort(hostIp, host, container));
    }
    return ports;
  }

  private static String healthcheckCommand(Map<String, Object> service) {
    Object healthcheck = service.get("healthcheck");
    if (!(healthcheck instanceof Map<?, ?> h)) {
      return "";
    }
    Object test = h.get("test");
    return test instanceof List<?> parts
        ? String.join(" ", parts.stream().map(String::valueOf).toList())
        : String.valueOf(test);
  }

  private static Map<String, Object> dependsOn(Map<String, Object> service) {
    Object dependsOn = service.get("depends_on");
    Map<String, Object> result = new LinkedHashMap<>();
    if (dependsOn instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> result.put(String.valueOf(k), v));
    } else {
      list(dependsOn).forEach(target -> result.put(String.valueOf(target), "started"));
    }
    return result;
  }

  private static Path buildContext(Map<String, Object> service) {
    Object build = service.get("build");
    String context =
        build instanceof Map<?, ?> b
            ? String.valueOf(Objects.requireNonNullElse(b.get("context"), "."))
            : String.valueOf(build);
    return DOCKER.resolve(context).normalize();
  }

  private static String dockerfileName(Map<String, Object> service) {
    Object build = service.get("build");
    return build instanceof Map<?, ?> b && b.get("dockerfile") != null
        ? String.valueOf(b.get("dockerfile"))
        : "Dockerfile";
  }

  private static @Nullable Dockerfile dockerfile(Map<String, Object> service) {
    if (service.get("build") == null) {
      return null;
    }
    Path file = buildContext(service).resolve(dockerfileName(service)).normalize();
    return Files.isRegularFile(file) ? Dockerfile.read(file, buildArgs(service)) : null;
  }

  /** The service's {@code build.args} mapping as written (the tests break it through this). */
  private static Map<String, Object> args(Map<String, Object> service) {
    return map(map(service.get("build")).get("args"));
  }

  /** The service's {@code build.args} (mapping or {@code KEY=value} list) with an empty .env. */
  private static Map<String, String> buildArgs(Map<String, Object> service) {
    Map<String, String> resolved = new TreeMap<>();
    if (!(service.get("build") instanceof Map<?, ?> build)) {
      return resolved;
    }
    Object args = build.get("args");
    if (args instanceof Map<?, ?> mapping) {
      mapping.forEach(
          (k, v) ->
              resolved.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
      return resolved;
    }
    for (Object line : list(args)) {
      String text = String.valueOf(line);
      int eq = text.indexOf('=');
      resolved.put(
          eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : interpolate(text.substring(eq + 1)));
    }
    return resolved;
  }

  /** BuildKit's Dockerfile-specific ignore file, else the context's .dockerignore, else none. */
  private static @Nullable Path dockerignore(Path dockerfile, Path context) {
    Path own = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
    if (Files.isRegularFile(own)) {
      return own;
    }
    Path shared = context.resolve(".dockerignore");
    return Files.isRegularFile(shared) ? shared : null;
  }

  /**
   * A Dockerfile as one build sees it: continuation lines joined, comments dropped, and variables
   * replaced where the builder replaces them ({@code ARG}s given by the service's {@code
   * build.args} or their defaults, and earlier {@code ENV}s). {@code problems} names what the build
   * would get wrong: a variable without a value, a build argument no {@code ARG} declares.
   */
  private record Dockerfile(Path path, List<String[]> instructions, List<String> problems) {

    /** The instructions whose arguments the builder expands (Dockerfile reference). */
    private static final Set<String> EXPANDED =
        Set.of(
            "ADD",
            "COPY",
            "ENV",
            "EXPOSE",
            "FROM",
            "LABEL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR",
            "ONBUILD");

    private static final Pattern REFERENCE =
        Pattern.compile(
            "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    static Dockerfile read(Path file, Map<String, String> buildArgs) {
      Path path = ROOT.relativize(file);
      List<String> problems = new ArrayList<>();
      Map<String, String> scope = new LinkedHashMap<>();
      Set<String> declared = new TreeSet<>();
      List<String[]> instructions = new ArrayList<>();
      for (String[] raw : parse(file)) {
        String instruction = raw[0];
        String text =
            EXPANDED.contains(instruction)
                ? expand(raw[1], scope, path + " " + instruction, problems)
                : raw[1];
        switch (instruction) {
          case "FROM" -> scope.clear(); // an ARG before FROM serves FROM only
          case "ARG" -> {
            int eq = text.indexOf('=');
            String name = eq < 0 ? text.strip() : text.substring(0, eq).strip();
            declared.add(name);
            String value =
                buildArgs.containsKey(name)
                    ? buildArgs.get(name)
                    : eq < 0
                        ? null
                        : expand(text.substring(eq + 1), scope, path + " ARG", problems);
            if (value != null) {
              scope.put(name, value);
            }
          }
          case "ENV" -> scope.putAll(envPairs(text));
          default -> {}
        }
        instructions.add(new String[] {instruction, text});
      }
      buildArgs.keySet().stream()
          .filter(arg -> !declared.contains(arg))
          .forEach(arg -> problems.add("build arg " + arg + " has no ARG in " + path));
      return new Dockerfile(path, instructions, problems);
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}}, {@code ${NAME:+word}} from scope. */
    private static String expand(
        String text, Map<String, String> scope, String where, List<String> problems) {
      Matcher reference = REFERENCE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (reference.find()) {
        String name = reference.group(1) != null ? reference.group(1) : reference.group(4);
        String value = scope.get(name);
        String replacement;
        if ("-".equals(reference.group(2))) {
          replacement = value == null || value.isEmpty() ? reference.group(3) : value;
        } else if ("+".equals(reference.group(2))) {
          replacement = value == null || value.isEmpty() ? "" : reference.group(3);
        } else {
          if (value == null) {
            problems.add(where + " uses ${" + name + "}, which has no value");
          }
          replacement = Objects.requireNonNullElse(value, "");
        }
        reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      reference.appendTail(out);
      return out.toString();
    }

    /** Continuation lines joined, comments and parser directives dropped. */
    private static List<String[]> parse(Path file) {
      List<String[]> instructions = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String raw : readLines(file)) {
        String line = raw.strip();
        if (line.startsWith("#")) {
          continue;
        }
        if (line.endsWith("\\")) {
          current.append(line, 0, line.length() - 1).append(' ');
          continue;
        }
        current.append(line);
        String text = current.toString().strip();
        current.setLength(0);
        if (!text.isEmpty()) {
          String[] parts = text.split("\\s+", 2);
          instructions.add(
              new String[] {parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""});
        }
      }
      return instructions;
    }

    /** The {@code ENV} instructions, {@code ENV A=1 B=2} (or the old {@code ENV A 1}). */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      all("ENV").forEach(text -> env.putAll(envPairs(text)));
      return env;
    }

    private static Map<String, String> envPairs(String text) {
      Map<String, String> env = new LinkedHashMap<>();
      if (!text.contains("=") || text.indexOf(' ') > 0 && text.indexOf(' ') < text.indexOf('=')) {
        String[] parts = text.split("\\s+", 2);
        env.put(parts[0], parts.length > 1 ? parts[1] : "");
        return env;
      }
      for (String pair : text.split("\\s+")) {
        int eq = pair.indexOf('=');
        env.put(pair.substring(0, eq), pair.substring(eq + 1).replace("\"", ""));
      }
      return env;
    }

    /**
     * The HEALTHCHECK command as the container's shell runs it: its variables are the image's
     * environment (build arguments no longer exist then).
     */
    String healthcheck() {
      List<String> unused = new ArrayList<>();
      return expand(String.join(" ", all("HEALTHCHECK")), env(), "HEALTHCHECK", unused);
    }

    /** The image's own variables: the ones its HEALTHCHECK reads, no setting of the service. */
    Set<String> ownVariables() {
      Set<String> own = new TreeSet<>();
      Matcher reference = REFERENCE.matcher(String.join(" ", all("HEALTHCHECK")));
      while (reference.find()) {
        own.add(reference.group(1) != null ? reference.group(1) : reference.group(4));
      }
      own.retainAll(env().keySet());
      return own;
    }

    List<String> all(String instruction) {
      return instructions.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
    }

    /** COPY and ADD from the build context (not {@code --from} another stage or image). */
    List<Copy> copies() {
      return instructions.stream()
          .filter(i -> i[0].equals("COPY") || i[0].equals("ADD"))
          .map(i -> Copy.parse(i[0] + " " + i[1]))
          .filter(c -> !c.fromStage())
          .toList();
    }
  }

  private record Copy(List<String> sources, boolean fromStage) {
    static Copy parse(String instruction) {
      List<String> words = new ArrayList<>(List.of(instruction.strip().split("\\s+")));
      words.removeFirst();
      boolean fromStage = words.stream().anyMatch(w -> w.startsWith("--from="));
      words.removeIf(w -> w.startsWith("--"));
      if (!words.isEmpty() && words.getFirst().startsWith("[")) {
        List<String> json = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(String.join(" ", words));
        while (quoted.find()) {
          json.add(quoted.group(1));
        }
        words = json;
      }
      return new Copy(words.isEmpty() ? List.of() : words.subList(0, words.size() - 1), fromStage);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Spring Boot's view of names.

  private static SystemEnvironmentPropertySource environmentPropertySource(
      Map<String, String> env) {
    return new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(env));
  }

  private static ConfigurationPropertySource environmentSource(Map<String, String> env) {
    return Objects.requireNonNull(ConfigurationPropertySource.from(environmentPropertySource(env)));
  }

  /** Boot's documented form: dots and dashes to underscores, upper case. */
  private static String variableName(String property) {
    return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * {@code spring.kafka.properties.<config>}: an entry of Boot's map of extra client properties
   * whose key is a config of Kafka's producer, consumer or admin client.
   */
  private static boolean isKafkaClientProperty(String property) {
    String prefix = "spring.kafka.properties.";
    if (!property.startsWith(prefix) || !isSpringProperty("spring.kafka.properties")) {
      return false;
    }
    String config = property.substring(prefix.length());
    return ProducerConfig.configNames().contains(config)
        || ConsumerConfig.configNames().contains(config)
        || AdminClientConfig.configNames().contains(config);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  private static final Map<String, Boolean> SPRING_PROPERTIES = new ConcurrentHashMap<>();

  /** Whether Spring Boot's configuration metadata on the classpath declares this property. */
  private static boolean isSpringProperty(String property) {
    return SPRING_PROPERTIES.computeIfAbsent(
        property,
        name -> {
          Pattern declared = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"");
          try {
            for (URL metadata :
                Collections.list(
                    ComposeConsistencyTest.class
                        .getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json"))) {
              try (InputStream in = metadata.openStream()) {
                if (declared
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .find()) {
                  return true;
                }
              }
            }
            return false;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers.

  private static List<Matcher> urls(String text) {
    List<Matcher> urls = new ArrayList<>();
    Matcher url = URL_WITH_PORT.matcher(text);
    while (url.find()) {
      Matcher copy = URL_WITH_PORT.matcher(url.group());
      if (copy.matches()) {
        urls.add(copy);
      }
    }
    return urls;
  }

  private static String closest(String name, Collection<String> candidates) {
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance(name, c)))
        .orElse("none");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(text.isEmpty() ? "" : " <- ").append(t.getMessage());
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new AssertionError("expected a mapping, found " + value);
  }

  private static List<?> list(@Nullable Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static List<String> strings(@Nullable Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }

  private static String artifactId(String pom) {
    String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
    Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(withoutParent);
    return id.find() ? id.group(1).strip() : "";
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.map(String::strip).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
