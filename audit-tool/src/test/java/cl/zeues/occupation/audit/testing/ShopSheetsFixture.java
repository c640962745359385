package cl.zeues.occupation.audit.testing;

import cl.zeues.occupation.sheets.ShopSpreadsheet;
import cl.zeues.occupation.sheetsemulator.EmulatorConfig;
import cl.zeues.occupation.sheetsemulator.SheetsEmulator;
import cl.zeues.occupation.sheetsemulator.grid.ValueRenderOption;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sheets side of the diff tests: the sheets emulator with a shop-shaped spreadsheet, and the
 * real Google client for the hand edits people make.
 */
public final class ShopSheetsFixture implements AutoCloseable {

  private final SheetsEmulator emulator = new SheetsEmulator();
  private final Sheets client;

  public ShopSheetsFixture(int writesPerMinute) {
    emulator.start(EmulatorConfig.defaults().withWritesPerMinute(writesPerMinute));
    client =
        new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
            .setRootUrl(emulator.rootUrl())
            .setApplicationName("audit-tool-tests")
            .build();
  }

  public String rootUrl() {
    return emulator.rootUrl();
  }

  public Sheets client() {
    return client;
  }

  public SheetsEmulator emulator() {
    return emulator;
  }

  public void seed(String spreadsheetId, ShopSpreadsheet spreadsheet) {
    emulator.putSpreadsheet(spreadsheetId, spreadsheet.sheets());
  }

  /** A sheet's rows as stored (raw values), the header included. */
  @SuppressWarnings("unchecked")
  public List<List<Object>> rows(String spreadsheetId, String sheet) {
    Map<String, Object> document =
        emulator.spreadsheet(spreadsheetId, ValueRenderOption.UNFORMATTED_VALUE).orElseThrow();
    List<List<Object>> rows =
        ((Map<String, List<List<Object>>>) document.get("sheets")).getOrDefault(sheet, List.of());
    return rows.stream().map(row -> (List<Object>) new ArrayList<>(row)).toList();
  }

  @Override
  public void close() {
    emulator.stop();
  }
}
