package cl.zeues.occupation.audit.export;

import cl.zeues.occupation.sheets.FormulaNeutralizer;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV whose every cell is inert when opened in a spreadsheet: a value starting with {@code
 * = + - @}, tab or CR gets a leading {@code '} (the projector's neutralizer), then cells holding a
 * comma, a quote or a line break are quoted with inner quotes doubled. Lines end in CRLF.
 */
public final class CsvWriter {

  private final PrintWriter out;

  public CsvWriter(PrintWriter out) {
    this.out = out;
  }

  public void row(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    out.print(line);
    out.print("\r\n");
  }

  static String cell(@Nullable Object value) {
    String text = FormulaNeutralizer.neutralize(value == null ? "" : value.toString());
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
