package cl.zeues.occupation.audit.testing;

import cl.zeues.occupation.audit.AuditTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One in-process run of the tool through its public contract, {@link AuditTool#run}. */
public record ToolRun(int exit, String out, String err) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static ToolRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        AuditTool.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new ToolRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public JsonNode json() {
    return JSON.readTree(out);
  }
}
