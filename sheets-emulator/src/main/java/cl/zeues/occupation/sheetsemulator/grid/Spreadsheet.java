package cl.zeues.occupation.sheetsemulator.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet: its id, title and tabs. Instances published by the store are never mutated again;
 * writes go to a {@link #copy()} that replaces the original when the whole request succeeded, which
 * is what makes a batch all-or-nothing.
 */
public final class Spreadsheet {

  private final String spreadsheetId;
  private final String title;
  private final List<Sheet> sheets;
  private int nextSheetId;

  public Spreadsheet(String spreadsheetId, String title) {
    this(spreadsheetId, title, new ArrayList<>(), 0);
  }

  private Spreadsheet(String spreadsheetId, String title, List<Sheet> sheets, int nextSheetId) {
    this.spreadsheetId = spreadsheetId;
    this.title = title;
    this.sheets = sheets;
    this.nextSheetId = nextSheetId;
  }

  public Spreadsheet copy() {
    List<Sheet> copied = new ArrayList<>(sheets.size());
    for (Sheet sheet : sheets) {
      copied.add(sheet.copy());
    }
    return new Spreadsheet(spreadsheetId, title, copied, nextSheetId);
  }

  public String spreadsheetId() {
    return spreadsheetId;
  }

  public String title() {
    return title;
  }

  public List<Sheet> sheets() {
    return List.copyOf(sheets);
  }

  /** Sheet titles are matched case-insensitively, as in Google Sheets. */
  public Optional<Sheet> sheet(String title) {
    return sheets.stream().filter(s -> s.title().equalsIgnoreCase(title)).findFirst();
  }

  public Optional<Sheet> sheetById(int sheetId) {
    return sheets.stream().filter(s -> s.sheetId() == sheetId).findFirst();
  }

  /**
   * Adds a tab. The first sheet gets id 0 like a new Google spreadsheet; later ones count up, which
   * is deterministic where Google's are random.
   */
  public Sheet addSheet(
      @Nullable Integer sheetId,
      String title,
      int rowCount,
      int columnCount,
      @Nullable Integer index) {
    if (sheet(title).isPresent()) {
      throw GoogleApiException.badRequest(
          "A sheet with the name \"" + title + "\" already exists. Please enter another name.");
    }
    int id = sheetId != null ? sheetId : nextSheetId;
    if (sheetById(id).isPresent()) {
      throw GoogleApiException.badRequest(
          "A sheet with the id " + id + " already exists. Please enter another id.");
    }
    Sheet sheet = new Sheet(id, title, rowCount, columnCount);
    int position = index == null ? sheets.size() : Math.max(0, Math.min(index, sheets.size()));
    sheets.add(position, sheet);
    nextSheetId = Math.max(nextSheetId, id + 1);
    return sheet;
  }

  public void removeSheet(Sheet sheet) {
    if (sheets.size() == 1) {
      throw GoogleApiException.badRequest("You can't remove all the sheets in a document.");
    }
    sheets.remove(sheet);
  }

  /** A title Google would give a new tab: Sheet1, Sheet2, ... the first one free. */
  public String nextFreeTitle() {
    for (int n = sheets.size() + 1; ; n++) {
      String candidate = "Sheet" + n;
      if (sheet(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  public int indexOf(Sheet sheet) {
    return sheets.indexOf(sheet);
  }
}
