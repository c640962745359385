import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream consumer of occupation.events in plain kafka-clients: prints who took, paused,
 * completed or lost which spool, oldest first. Run (see README): java -cp KAFKA_CLIENTS:SLF4J_API
 * examples/WhoTookWhat.java [bootstrap-servers]
 */
public class WhoTookWhat {
  public static void main(String[] args) {
    Pattern worker = Pattern.compile("\"token\":\"([^\"]+)\"");
    Pattern operacion = Pattern.compile("\"operacion\":\"([^\"]+)\"");
    Map<String, Object> props =
        Map.of(
            "bootstrap.servers", args.length > 0 ? args[0] : "127.0.0.1:9092",
            "group.id", "who-took-what-" + System.nanoTime(),
            "isolation.level", "read_committed",
            "auto.offset.reset", "earliest",
            "key.deserializer", StringDeserializer.class,
            "value.deserializer", StringDeserializer.class);
    try (var consumer = new KafkaConsumer<String, String>(props)) {
      consumer.subscribe(List.of("occupation.events"));
      while (true) {
        for (var r : consumer.poll(Duration.ofSeconds(1))) {
          String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
          String event = type.substring("cl.zeues.occupation.".length());
          var w = worker.matcher(r.value());
          var o = operacion.matcher(r.value());
          System.out.printf(
              "%s  %-22s %-8s %s%n",
              r.key(),
              event,
              o.find() ? o.group(1) : "",
              w.find() ? w.group(1) : "");
        }
      }
    }
  }
}
