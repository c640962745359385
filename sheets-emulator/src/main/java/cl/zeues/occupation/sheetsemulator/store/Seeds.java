package cl.zeues.occupation.sheetsemulator.store;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;

/** Reads a seed from disk: a JSON document, or a folder of CSV files. */
public final class Seeds {

  private Seeds() {}

  public static SeedDocument read(Path path) {
    if (Files.isDirectory(path)) {
      return CsvSeed.read(path);
    }
    try {
      String name = path.getFileName().toString();
      String defaultId = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
      return SeedDocument.fromJson(Json.MAPPER.readTree(path.toFile()), defaultId);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "seed " + path + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
