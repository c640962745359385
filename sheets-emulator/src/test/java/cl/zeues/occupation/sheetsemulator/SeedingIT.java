package cl.zeues.occupation.sheetsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.sheetsemulator.grid.Cell;
import com.google.api.services.sheets.v4.Sheets;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedingIT {

  @TempDir Path dir;

  @Test
  void jsonAndCsvSeedsAreLoadedAtStart() throws Exception {
    Path json = dir.resolve("seed-json.json");
    Files.writeString(
        json,
        """
        {"spreadsheetId":"seed-json-it","title":"ZEUES",
         "sheets":{"Metadata":[["TAG","QTY"],["S-1",3]],"Hoja Uno":[["=1+1"]]}}
        """);
    Path csv = Files.createDirectories(dir.resolve("seed-csv-it"));
    Files.writeString(
        csv.resolve("Operaciones.csv"), "TAG,QTY,NOTE\nS-1,12,\"a, b\"\nS-2,'007,=2*2\n");
    Files.writeString(csv.resolve("Workers.csv"), "ID\n1\n");

    try (SheetsEmulator emulator = new SheetsEmulator()) {
      emulator.start(EmulatorConfig.defaults().withSeed(json).withSeed(csv));
      Sheets sheets = TestSheets.client(emulator);

      assertThat(sheets.spreadsheets().get("seed-json-it").execute().getProperties().getTitle())
          .isEqualTo("ZEUES");
      assertThat(
              sheets
                  .spreadsheets()
                  .values()
                  .get("seed-json-it", "Metadata!A2:B2")
                  .setValueRenderOption("UNFORMATTED_VALUE")
                  .execute()
                  .getValues())
          .isEqualTo(List.of(List.of("S-1", new BigDecimal("3"))));
      assertThat(emulator.cell("seed-json-it", "'Hoja Uno'!A1")).contains(new Cell.Text("=1+1"));

      assertThat(sheets.spreadsheets().get("seed-csv-it").execute().getSheets())
          .extracting(s -> s.getProperties().getTitle())
          .containsExactly("Operaciones", "Workers");
      assertThat(
              sheets
                  .spreadsheets()
                  .values()
                  .get("seed-csv-it", "Operaciones!A2:C3")
                  .setValueRenderOption("UNFORMATTED_VALUE")
                  .execute()
                  .getValues())
          .isEqualTo(
              List.of(
                  List.of("S-1", new BigDecimal("12"), "a, b"),
                  List.of("S-2", "007", new BigDecimal("4"))));
    }
  }

  @Test
  void adminEndpointsReplaceAndReadBackASpreadsheet() throws Exception {
    try (SheetsEmulator emulator = new SheetsEmulator()) {
      emulator.start(EmulatorConfig.defaults());

      HttpResponse<String> put =
          TestSheets.http(
              emulator,
              "PUT",
              "/_emulator/spreadsheets/seed-admin-it",
              """
              {"valueInputOption":"USER_ENTERED","sheets":{"Metadata":[["TAG","N"],["S-1","=1+2"]]}}
              """);
      assertThat(put.statusCode()).isEqualTo(200);

      assertThat(
              TestSheets.client(emulator)
                  .spreadsheets()
                  .values()
                  .get("seed-admin-it", "Metadata!B2")
                  .execute()
                  .getValues())
          .isEqualTo(List.of(List.of("3")));
      HttpResponse<String> get =
          TestSheets.http(emulator, "GET", "/_emulator/spreadsheets/seed-admin-it", "");
      assertThat(get.body())
          .isEqualTo(
              "{\"spreadsheetId\":\"seed-admin-it\",\"title\":\"seed-admin-it\","
                  + "\"sheets\":{\"Metadata\":[[\"TAG\",\"N\"],[\"S-1\",\"=1+2\"]]}}");
      assertThat(
              TestSheets.http(emulator, "GET", "/_emulator/spreadsheets/seed-nope", "")
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              TestSheets.http(emulator, "PUT", "/_emulator/spreadsheets/seed-bad", "{\"sheets\":1}")
                  .statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void htmlPageShowsEveryCellEscaped() throws Exception {
    try (SheetsEmulator emulator = new SheetsEmulator()) {
      emulator.start(EmulatorConfig.defaults());
      TestSheets.put(
          emulator,
          "seed-html-it",
          "Hoja <Uno>",
          List.of(List.of("<script>alert('x')</script>", "a & b", 42)));

      HttpResponse<String> page = TestSheets.http(emulator, "GET", "/", "");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(page.body())
          .contains(
              "seed-html-it",
              "Hoja &lt;Uno&gt;",
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
              "a &amp; b",
              ">42<")
          .doesNotContain("<script>");
      assertThat(TestSheets.http(emulator, "GET", "/_emulator/", "").body()).isEqualTo(page.body());
    }
  }
}
