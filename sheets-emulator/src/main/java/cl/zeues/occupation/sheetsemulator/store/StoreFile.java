package cl.zeues.occupation.sheetsemulator.store;

import cl.zeues.occupation.sheetsemulator.grid.Cell;
import cl.zeues.occupation.sheetsemulator.grid.Sheet;
import cl.zeues.occupation.sheetsemulator.grid.Spreadsheet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data file: every spreadsheet with its grid sizes and typed cells. A cell is {@code null}, a
 * string (text), a number, a boolean, or {@code {"formula":"=..."}}, so text that starts with
 * {@code =} survives a restart as text.
 */
final class StoreFile {

  private static final int FORMAT = 1;

  private StoreFile() {}

  static List<Spreadsheet> load(Path file) throws IOException {
    JsonNode root = Json.MAPPER.readTree(file.toFile());
    if (root.path("format").asInt() != FORMAT) {
      throw new IOException("unknown data file format in " + file);
    }
    List<Spreadsheet> loaded = new ArrayList<>();
    for (JsonNode s : root.path("spreadsheets")) {
      Spreadsheet spreadsheet =
          new Spreadsheet(s.path("spreadsheetId").asString(), s.path("title").asString());
      for (JsonNode t : s.path("sheets")) {
        Sheet sheet =
            spreadsheet.addSheet(
                t.path("sheetId").asInt(),
                t.path("title").asString(),
                t.path("rowCount").asInt(),
                t.path("columnCount").asInt(),
                null);
        int r = 0;
        for (JsonNode row : t.path("rows")) {
          int c = 0;
          for (JsonNode cell : row) {
            sheet.set(r, c++, decode(cell));
          }
          r++;
        }
      }
      loaded.add(spreadsheet);
    }
    return loaded;
  }

  /** Writes to a temporary sibling first and renames it, so a crash never leaves half a file. */
  static void save(Path file, Collection<Spreadsheet> spreadsheets) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("spreadsheets");
    for (Spreadsheet spreadsheet : spreadsheets) {
      ObjectNode s = list.addObject();
      s.put("spreadsheetId", spreadsheet.spreadsheetId());
      s.put("title", spreadsheet.title());
      ArrayNode sheets = s.putArray("sheets");
      for (Sheet sheet : spreadsheet.sheets()) {
        ObjectNode t = sheets.addObject();
        t.put("sheetId", sheet.sheetId());
        t.put("title", sheet.title());
        t.put("rowCount", sheet.rowCount());
        t.put("columnCount", sheet.columnCount());
        ArrayNode rows = t.putArray("rows");
        for (int r = 0; r < sheet.dataRows(); r++) {
          ArrayNode row = rows.addArray();
          for (int c = 0; c < sheet.width(r); c++) {
            encode(row, sheet.get(r, c));
          }
        }
      }
    }
    Path absolute = file.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    // A fixed name is safe: the store serializes saves. Unlike createTempFile it keeps the umask
    // permissions, so a data file on a shared volume stays readable.
    Path temp = directory.resolve(absolute.getFileName() + ".tmp");
    try {
      Json.MAPPER.writeValue(temp.toFile(), root);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void encode(ArrayNode row, Cell cell) {
    switch (cell) {
      case null -> row.addNull();
      case Cell.Text t -> row.add(t.value());
      case Cell.Numeric n -> row.add(n.value());
      case Cell.Bool b -> row.add(b.value());
      case Cell.Formula f -> row.addObject().put("formula", f.text());
    }
  }

  private static Cell decode(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      return new Cell.Formula(node.path("formula").asString());
    }
    if (node.isBoolean()) {
      return new Cell.Bool(node.booleanValue());
    }
    if (node.isNumber()) {
      return new Cell.Numeric(new BigDecimal(node.numberValue().toString()));
    }
    return new Cell.Text(node.asString());
  }
}
