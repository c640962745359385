package cl.zeues.occupation.sheetsemulator.store;

import cl.zeues.occupation.sheetsemulator.grid.ValueInputOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A folder of CSV files as one spreadsheet: the folder name is the spreadsheet id, each {@code
 * <title>.csv} a sheet (in file-name order). Cells are read USER_ENTERED, as Google's CSV import
 * does: {@code 12} becomes a number, {@code '00123} stays the text {@code 00123}.
 */
public final class CsvSeed {

  private CsvSeed() {}

  public static SeedDocument read(Path folder) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .csv files in " + folder);
    }
    Map<String, List<List<@Nullable Object>>> sheets = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        sheets.put(
            name.substring(0, name.length() - 4),
            parse(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new SeedDocument(
        folder.getFileName().toString(), null, ValueInputOption.USER_ENTERED, sheets);
  }

  /** RFC 4180: comma separated, double-quoted fields may hold commas, quotes and line breaks. */
  static List<List<@Nullable Object>> parse(String csv) {
    List<List<@Nullable Object>> rows = new ArrayList<>();
    List<@Nullable Object> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int start = csv.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < csv.length(); i++) {
      char c = csv.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
