package cl.zeues.occupation.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A single KRaft node (broker and controller) in this JVM secured as {@code docker/compose.yml}'s
 * {@code kafka}: every listener is SASL_PLAINTEXT; the broker's own user {@value #BROKER_USER}
 * (PLAIN, the only super user) talks to itself and its controller; the services log in with
 * SCRAM-SHA-512 as users created through the Admin API; {@code StandardAuthorizer} refuses whatever
 * no ACL allows. The compose broker reads the same JAAS entries from a file (a compose secret);
 * here they are listener properties, so nothing JVM-wide changes for other tests.
 */
final class SecuredKafkaBroker implements AutoCloseable {

  static final String BROKER_USER = "kafka-broker";
  static final String SCRAM = "SCRAM-SHA-512";

  private final Path dir;
  private final int port = ServiceProcess.freePort();
  private final int controllerPort = ServiceProcess.freePort();
  private final String brokerPassword;
  private @Nullable KafkaRaftServer server;

  SecuredKafkaBroker(Path dir, String brokerPassword) {
    this.dir = dir;
    this.brokerPassword = brokerPassword;
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  void start() {
    Properties properties = properties();
    Path config = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      properties.store(out, "SASL + ACL KRaft node of BrokerAclIT");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status =
          StorageTool.execute(
              new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
              print);
    } catch (Exception e) {
      throw new IllegalStateException("formatting " + dir + " failed", e);
    }
    if (status != 0) {
      throw new IllegalStateException("formatting failed: " + output);
    }
    KafkaRaftServer raft =
        new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    raft.startup();
    server = raft;
  }

  /** Client settings that log in as {@code user} with {@code mechanism}. */
  Map<String, Object> client(String mechanism, String user, String password) {
    String module =
        mechanism.equals("PLAIN")
            ? "org.apache.kafka.common.security.plain.PlainLoginModule"
            : "org.apache.kafka.common.security.scram.ScramLoginModule";
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    config.put(SaslConfigs.SASL_MECHANISM, mechanism);
    config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(module, user, password, ""));
    return config;
  }

  /** An Admin logged in as the broker's own (super) user. */
  Admin admin() {
    Map<String, Object> config = client("PLAIN", BROKER_USER, brokerPassword);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return Admin.create(config);
  }

  /** As compose's kafka-setup: a SCRAM user per service, then the ACLs. */
  void setUp(Map<String, String> passwords, List<AclBinding> acls) throws Exception {
    try (Admin admin = admin()) {
      admin
          .alterUserScramCredentials(
              passwords.entrySet().stream()
                  .map(
                      user ->
                          (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                              new UserScramCredentialUpsertion(
                                  user.getKey(),
                                  new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                                  user.getValue()))
                  .toList())
          .all()
          .get(30, TimeUnit.SECONDS);
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
  }

  private Properties properties() {
    String plain =
        jaas(
            "org.apache.kafka.common.security.plain.PlainLoginModule",
            BROKER_USER,
            brokerPassword,
            " user_" + BROKER_USER + "=\"" + brokerPassword + "\"");
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put(
        "listeners", "INTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "INTERNAL://127.0.0.1:" + port);
    p.put("inter.broker.listener.name", "INTERNAL");
    p.put("listener.security.protocol.map", "INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    // As compose: PLAIN for the broker's own user, SCRAM for the services.
    p.put("sasl.enabled.mechanisms", "PLAIN," + SCRAM);
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put("listener.name.internal.plain.sasl.jaas.config", plain);
    p.put("listener.name.controller.plain.sasl.jaas.config", plain);
    p.put(
        "listener.name.internal.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:" + BROKER_USER);
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("log.dirs", dir.resolve("log").toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  private static String jaas(String module, String user, String password, String more) {
    return module
        + " required username=\""
        + user
        + "\" password=\""
        + password
        + "\""
        + more
        + ";";
  }

  @Override
  public void close() {
    KafkaRaftServer raft = server;
    server = null;
    if (raft != null) {
      raft.shutdown();
      raft.awaitShutdown();
    }
  }
}
