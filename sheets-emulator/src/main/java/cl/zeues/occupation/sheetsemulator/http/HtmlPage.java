package cl.zeues.occupation.sheetsemulator.http;

import cl.zeues.occupation.sheetsemulator.a1.A1Notation;
import cl.zeues.occupation.sheetsemulator.grid.Cell;
import cl.zeues.occupation.sheetsemulator.grid.CellValues;
import cl.zeues.occupation.sheetsemulator.grid.Sheet;
import cl.zeues.occupation.sheetsemulator.grid.Spreadsheet;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import java.util.List;

/**
 * Every spreadsheet and sheet as an HTML table, for a human watching a test or a demo. Cells show
 * their formatted value; formulas are marked and carry their text as a tooltip. All cell and title
 * text is escaped: the data may well be an injection payload.
 */
final class HtmlPage {

  private HtmlPage() {}

  static String render(List<Spreadsheet> spreadsheets) {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sheets emulator</title>
        <style>
        body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:1.5em}
        td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}th{background:#eee}
        td.formula{background:#eef6ff}td.number{text-align:right}
        </style></head><body>
        <h1>Sheets emulator</h1>
        """);
    if (spreadsheets.isEmpty()) {
      html.append("<p>No spreadsheets yet.</p>\n");
    }
    for (Spreadsheet spreadsheet : spreadsheets) {
      html.append("<h2 id=\"")
          .append(escape(spreadsheet.spreadsheetId()))
          .append("\">")
          .append(escape(spreadsheet.title()))
          .append(" <small>(")
          .append(escape(spreadsheet.spreadsheetId()))
          .append(")</small></h2>\n");
      for (Sheet sheet : spreadsheet.sheets()) {
        appendSheet(html, sheet);
      }
    }
    return html.append("</body></html>\n").toString();
  }

  private static void appendSheet(StringBuilder html, Sheet sheet) {
    html.append("<h3>")
        .append(escape(sheet.title()))
        .append(" <small>(sheetId ")
        .append(sheet.sheetId())
        .append(", ")
        .append(sheet.rowCount())
        .append("&times;")
        .append(sheet.columnCount())
        .append(")</small></h3>\n<table><tr><th></th>");
    int width = 0;
    for (int r = 0; r < sheet.dataRows(); r++) {
      width = Math.max(width, sheet.width(r));
    }
    for (int c = 0; c < width; c++) {
      html.append("<th>").append(A1Notation.columnName(c)).append("</th>");
    }
    html.append("</tr>\n");
    for (int r = 0; r < sheet.dataRows(); r++) {
      html.append("<tr><th>").append(r + 1).append("</th>");
      for (int c = 0; c < width; c++) {
        Cell cell = sheet.get(r, c);
        switch (cell) {
          case null -> html.append("<td></td>");
          case Cell.Formula f ->
              html.append("<td class=\"formula\" title=\"")
                  .append(escape(f.text()))
                  .append("\">")
                  .append(escape(render(cell)))
                  .append("</td>");
          case Cell.Numeric n ->
              html.append("<td class=\"number\">").append(escape(render(cell))).append("</td>");
          default -> html.append("<td>").append(escape(render(cell))).append("</td>");
        }
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static String render(Cell cell) {
    return String.valueOf(CellValues.render(cell, ValueRenderOption.FORMATTED_VALUE));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
