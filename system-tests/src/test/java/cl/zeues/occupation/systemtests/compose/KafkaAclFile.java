package cl.zeues.occupation.systemtests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * {@code docker/kafka/acls.txt}, the one list of what each service's Kafka user may do: compose's
 * {@code kafka-setup} applies it with {@code kafka-acls.sh}, {@code BrokerAclIT} with the Admin
 * API, and {@link ComposeConsistencyTest} checks it against the code. A line is {@code <user>
 * <type>:<name> <Operation>,<Operation>...}; a name ending in {@code *} is a prefix.
 */
public record KafkaAclFile(List<Grant> grants) {

  public static final Path PATH =
      Path.of("").toAbsolutePath().getParent().resolve("docker/kafka/acls.txt");

  private static final Map<String, ResourceType> TYPES =
      Map.of(
          "topic", ResourceType.TOPIC,
          "group", ResourceType.GROUP,
          "transactional-id", ResourceType.TRANSACTIONAL_ID,
          "cluster", ResourceType.CLUSTER);

  public KafkaAclFile {
    grants = List.copyOf(grants);
  }

  /** One line: {@code user} may do {@code operations} on the resource (a prefix if so marked). */
  public record Grant(
      String user,
      ResourceType type,
      String name,
      PatternType pattern,
      List<AclOperation> operations) {

    public List<AclBinding> bindings() {
      return operations.stream()
          .map(
              operation ->
                  new AclBinding(
                      new ResourcePattern(type, name, pattern),
                      new AccessControlEntry(
                          "User:" + user, "*", operation, AclPermissionType.ALLOW)))
          .toList();
    }

    /** Whether this grant covers {@code resource} of {@code type}. */
    public boolean covers(ResourceType type, String resource) {
      return this.type == type
          && (pattern == PatternType.PREFIXED ? resource.startsWith(name) : resource.equals(name));
    }
  }

  public static KafkaAclFile read() {
    return read(PATH);
  }

  public static KafkaAclFile read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KafkaAclFile parse(List<String> lines) {
    List<Grant> grants = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (words.length != 3 || !words[1].contains(":")) {
        throw new IllegalArgumentException("not <user> <type>:<name> <operations>: " + raw);
      }
      String type = words[1].substring(0, words[1].indexOf(':'));
      String name = words[1].substring(words[1].indexOf(':') + 1);
      if (!TYPES.containsKey(type)) {
        throw new IllegalArgumentException("unknown resource type " + type + ": " + raw);
      }
      boolean prefix = name.endsWith("*");
      grants.add(
          new Grant(
              words[0],
              TYPES.get(type),
              prefix ? name.substring(0, name.length() - 1) : name,
              prefix ? PatternType.PREFIXED : PatternType.LITERAL,
              List.of(words[2].split(",")).stream()
                  .map(op -> AclOperation.fromString(op.toUpperCase(Locale.ROOT)))
                  .peek(
                      op -> {
                        if (op == AclOperation.UNKNOWN) {
                          throw new IllegalArgumentException("unknown operation in: " + raw);
                        }
                      })
                  .toList()));
    }
    return new KafkaAclFile(grants);
  }

  public List<AclBinding> bindings() {
    return grants.stream().flatMap(grant -> grant.bindings().stream()).toList();
  }

  /** Every user the file names, in order. */
  public List<String> users() {
    return grants.stream().map(Grant::user).distinct().toList();
  }

  /** Whether {@code user} is granted {@code operation} on {@code resource} (or one implying it). */
  public boolean allows(String user, ResourceType type, String resource, AclOperation operation) {
    return grants.stream()
        .filter(grant -> grant.user().equals(user) && grant.covers(type, resource))
        .flatMap(grant -> grant.operations().stream())
        .anyMatch(
            granted ->
                granted == operation
                    || operation == AclOperation.DESCRIBE
                        && List.of(
                                AclOperation.READ,
                                AclOperation.WRITE,
                                AclOperation.DELETE,
                                AclOperation.ALTER)
                            .contains(granted));
  }
}
