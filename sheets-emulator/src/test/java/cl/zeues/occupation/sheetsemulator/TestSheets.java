package cl.zeues.occupation.sheetsemulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The real google-api-services-sheets client pointed at an emulator, and small test helpers. */
final class TestSheets {

  private TestSheets() {}

  static Sheets client(SheetsEmulator emulator) {
    return new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
        .setRootUrl(emulator.rootUrl())
        .setApplicationName("sheets-emulator-it")
        .build();
  }

  /** A spreadsheet given as alternating sheet titles and row lists, stored RAW. */
  static void put(SheetsEmulator emulator, String spreadsheetId, Object... titlesAndRows) {
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    for (int i = 0; i < titlesAndRows.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<List<Object>> rows = (List<List<Object>>) titlesAndRows[i + 1];
      sheets.put((String) titlesAndRows[i], rows);
    }
    emulator.putSpreadsheet(spreadsheetId, sheets);
  }

  /** The exception a client call fails with; the call must fail with a Google JSON error. */
  static GoogleJsonResponseException failure(ThrowingCallable call) {
    try {
      call.call();
    } catch (GoogleJsonResponseException e) {
      return e;
    } catch (Throwable e) {
      throw new AssertionError("expected a GoogleJsonResponseException but got " + e, e);
    }
    throw new AssertionError("expected the call to fail");
  }

  static HttpResponse<String> http(SheetsEmulator emulator, String method, String path, String body)
      throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(emulator.rootUrl() + path.substring(1)))
              .method(
                  method,
                  body.isEmpty()
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", "application/json")
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
