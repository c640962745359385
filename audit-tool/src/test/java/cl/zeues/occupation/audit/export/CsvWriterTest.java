package cl.zeues.occupation.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.audit.testing.ShopHistory;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void noCellCanStartAFormula() {
    assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
    assertThat(CsvWriter.cell("-1+2")).isEqualTo("'-1+2");
    assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
    assertThat(CsvWriter.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(CsvWriter.cell("JP(94)")).isEqualTo("JP(94)");
    assertThat(CsvWriter.cell(null)).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    StringWriter text = new StringWriter();
    new CsvWriter(new PrintWriter(text)).row(List.of("a,b", "say \"hi\"", "two\nlines", 7));
    assertThat(text.toString()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",7\r\n");
  }

  @Test
  void theAuditTrailIsTheMetadataColumnsInTimeOrderWithinTheWindow() {
    Instant start = Instant.parse("2026-03-02T11:00:00Z");
    ShopHistory shop = new ShopHistory(9, start);
    Worker hostile = Worker.of(66, "=cmd|' /C calc'!A0 Perez");
    shop.tomar("MK-2", hostile, Operacion.ARM);
    shop.after(Duration.ofHours(1)).tomar("MK-1", ShopHistory.JUAN, Operacion.ARM);
    shop.after(Duration.ofHours(1)).pausar("MK-1", ShopHistory.JUAN);
    AuditTrail trail = new AuditTrail(start, start.plus(Duration.ofHours(2)));
    var events = shop.events();
    // Fed out of time order, as partitions interleave.
    trail.accept(events.get(2), new RecordRef(1, 1));
    trail.accept(events.get(1), new RecordRef(1, 0));
    trail.accept(events.get(0), new RecordRef(0, 0));
    StringWriter text = new StringWriter();

    trail.writeCsv(new PrintWriter(text));

    List<String> lines = text.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("ID,Timestamp,Evento_Tipo,TAG_SPOOL,Worker_ID,Worker_Nombre,Operacion,Accion")
        .endsWith("N_UNION,Occurred_At_UTC,Partition,Offset");
    assertThat(lines.get(1)).contains(",TOMAR_ARM,MK-2,66,").contains(",0,0");
    assertThat(lines.get(2)).contains(",TOMAR_ARM,MK-1,94,JP(94),");
    for (String line : lines) {
      for (String cell : line.split(",")) {
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
  }
}
