package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.sheets.MetadataChain.BreakKind;
import cl.zeues.occupation.sheets.MetadataChain.Check;
import cl.zeues.occupation.sheets.MetadataChain.SheetRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataChainTest {

  private static final Worker JUAN = Worker.of(94, "Juan Perez");
  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

  /** The README's worked example; the expected hashes were computed with {@code sha256sum}. */
  private static Map<String, Object> example() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ID", "7f8c1e52-0000-4000-8000-000000000001");
    row.put("Timestamp", "10-03-2026 09:00:00");
    row.put("Evento_Tipo", "TOMAR_ARM");
    row.put("TAG_SPOOL", "MK-1335-CW-25238-011");
    row.put("Worker_ID", 94);
    row.put("Worker_Nombre", "JP(94)");
    row.put("Operacion", "ARM");
    row.put("Accion", "TOMAR");
    row.put("Fecha_Operacion", "10-03-2026");
    row.put("Metadata_JSON", "{\"version\":1,\"motivo\":\"señal\"}");
    row.put("N_UNION", "");
    return row;
  }

  @Test
  void theCanonicalFormIsOneNetstringPerContentColumnInHeaderOrder() {
    assertThat(new String(MetadataChain.canonical(example()), StandardCharsets.UTF_8))
        .isEqualTo(
            "36:7f8c1e52-0000-4000-8000-000000000001,19:10-03-2026 09:00:00,9:TOMAR_ARM,"
                + "20:MK-1335-CW-25238-011,2:94,6:JP(94),3:ARM,5:TOMAR,10:10-03-2026,"
                + "31:{\"version\":1,\"motivo\":\"señal\"},0:,");
  }

  @Test
  void theHashIsSha256OverTheContentThenThePreviousHash() {
    String first = MetadataChain.hash(example(), MetadataChain.GENESIS);
    assertThat(first).isEqualTo("3b43ef8120881652e606949368542d7ff191b3cae8c0665a9d0ac20eac3247d2");
    assertThat(MetadataChain.hash(example(), first))
        .isEqualTo("505136e146e906fedab20626026250d82b925a5228ef6fe2761da4fcb317d6b2");
  }

  @Test
  void aValueReadBackHashesLikeTheValueWritten() {
    Map<String, Object> readBack = new LinkedHashMap<>(example());
    readBack.put("Worker_ID", new BigDecimal("94.0"));
    readBack.remove("N_UNION"); // an empty cell comes back absent
    readBack.put("Hash", "anything"); // not content
    readBack.put("Notas", "a column people added");

    assertThat(MetadataChain.hash(readBack, MetadataChain.GENESIS))
        .isEqualTo(MetadataChain.hash(example(), MetadataChain.GENESIS));
    assertThat(MetadataChain.text(3.0)).isEqualTo("3");
    assertThat(MetadataChain.text(100L)).isEqualTo("100");
  }

  @Test
  void cellBoundariesCannotBeShiftedWithoutChangingTheHash() {
    Map<String, Object> shifted = new LinkedHashMap<>(example());
    shifted.put("Operacion", "AR");
    shifted.put("Accion", "MTOMAR");
    assertThat(MetadataChain.hash(shifted, MetadataChain.GENESIS))
        .isNotEqualTo(MetadataChain.hash(example(), MetadataChain.GENESIS));
  }

  @Test
  void aChainWrittenByTheProjectorsRenderingChecksIntact() {
    List<SheetRow> sheet = sheet(rendered(6), MetadataChain.GENESIS, 2);

    Check check = MetadataChain.check(sheet, 10);

    assertThat(check.intact()).isTrue();
    assertThat(check.rows()).isEqualTo(6);
    assertThat(check.hashedRows()).isEqualTo(6);
    assertThat(check.unhashedRows()).isZero();
    assertThat(check.head()).isEqualTo(sheet.getLast().cells().get("Hash"));
  }

  @Test
  void oneEditedCellIsNamedAtItsRowAndOnlyThere() {
    List<SheetRow> sheet = sheet(rendered(6), MetadataChain.GENESIS, 2);
    Map<String, Object> edited = new LinkedHashMap<>(sheet.get(3).cells()); // row 5
    edited.put("Worker_Nombre", "XX(1)");
    sheet.set(3, new SheetRow(5, edited));

    Check check = MetadataChain.check(sheet, 10);

    assertThat(check.breakCount()).isEqualTo(1);
    var broken = check.breaks().getFirst();
    assertThat(broken.row()).isEqualTo(5);
    assertThat(broken.kind()).isEqualTo(BreakKind.HASH_MISMATCH);
    assertThat(broken.id()).isEqualTo(edited.get("ID"));
    assertThat(broken.stored()).isEqualTo(edited.get("Hash"));
    assertThat(broken.recomputed())
        .isEqualTo(MetadataChain.hash(edited, (String) sheet.get(2).cells().get("Hash")));
    assertThat(broken.chainedAfterRow()).isNull();
    assertThat(broken.detail()).startsWith("row 5 (ID " + edited.get("ID") + ")");
  }

  @Test
  void aRemovedRowBreaksTheRowThatMovedUp() {
    List<Map<String, Object>> rows = MetadataChain.chain(rendered(5), MetadataChain.GENESIS);
    rows.remove(2);
    List<SheetRow> sheet = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      sheet.add(new SheetRow(i + 2, rows.get(i)));
    }

    Check check = MetadataChain.check(sheet, 10);

    assertThat(check.breaks()).extracting(MetadataChain.Break::row).containsExactly(4);
  }

  @Test
  void anErasedHashOrABlankRowInTheChainIsABreak() {
    List<SheetRow> erased = sheet(rendered(4), MetadataChain.GENESIS, 2);
    Map<String, Object> cells = new LinkedHashMap<>(erased.get(1).cells());
    cells.remove("Hash");
    erased.set(1, new SheetRow(3, cells));
    Check check = MetadataChain.check(erased, 10);
    assertThat(check.breaks())
        .extracting(MetadataChain.Break::row, MetadataChain.Break::kind)
        .first()
        .isEqualTo(org.assertj.core.groups.Tuple.tuple(3, BreakKind.HASH_MISSING));

    List<SheetRow> blank = sheet(rendered(4), MetadataChain.GENESIS, 2);
    List<SheetRow> withGap = new ArrayList<>(blank.subList(0, 2));
    blank.subList(2, 4).forEach(r -> withGap.add(new SheetRow(r.row() + 1, r.cells())));
    Check gap = MetadataChain.check(withGap, 10);
    assertThat(gap.rows()).isEqualTo(5);
    assertThat(gap.breaks().getFirst().row()).isEqualTo(4);
    assertThat(gap.breaks().getFirst().kind()).isEqualTo(BreakKind.HASH_MISSING);
  }

  @Test
  void rowsFromBeforeTheChainAreCountedNotBroken() {
    List<SheetRow> sheet = new ArrayList<>();
    for (Map<String, Object> legacy : rendered(3)) {
      sheet.add(new SheetRow(sheet.size() + 2, legacy));
    }
    sheet.addAll(sheet(rendered(3, 1), MetadataChain.after(""), 5));

    Check check = MetadataChain.check(sheet, 10);

    assertThat(check.intact()).isTrue();
    assertThat(check.unhashedRows()).isEqualTo(3);
    assertThat(check.hashedRows()).isEqualTo(3);
  }

  @Test
  void twoWritersAppendingAfterTheSameRowAreToldApartFromAnEdit() {
    List<Map<String, Object>> first = MetadataChain.chain(rendered(3), MetadataChain.GENESIS);
    String seen = (String) first.getLast().get("Hash");
    List<Map<String, Object>> writerA = MetadataChain.chain(rendered(2, 1), seen);
    List<Map<String, Object>> writerB = MetadataChain.chain(rendered(2, 2), seen);
    List<SheetRow> sheet = new ArrayList<>();
    for (Map<String, Object> row : first) {
      sheet.add(new SheetRow(sheet.size() + 2, row));
    }
    for (Map<String, Object> row : writerA) {
      sheet.add(new SheetRow(sheet.size() + 2, row));
    }
    for (Map<String, Object> row : writerB) {
      sheet.add(new SheetRow(sheet.size() + 2, row));
    }

    Check check = MetadataChain.check(sheet, 10);

    assertThat(check.breakCount()).isEqualTo(1);
    assertThat(check.breaks().getFirst().row()).isEqualTo(7);
    assertThat(check.breaks().getFirst().chainedAfterRow()).isEqualTo(4);
    assertThat(check.breaks().getFirst().detail()).contains("second writer");
  }

  @Test
  void afterAnEmptyCellIsGenesis() {
    assertThat(MetadataChain.after(null)).isEqualTo(MetadataChain.GENESIS);
    assertThat(MetadataChain.after("")).isEqualTo(MetadataChain.GENESIS);
    assertThat(MetadataChain.after("ab")).isEqualTo("ab");
  }

  /** {@code count} Metadata rows as the projector renders them, for distinct events. */
  private static List<Map<String, Object>> rendered(int count) {
    return rendered(count, 0);
  }

  private static List<Map<String, Object>> rendered(int count, int seed) {
    EventScript script = new EventScript(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OccupationEvent event =
          script.tomar("S-" + i, JUAN, Operacion.ARM, T.plus(Duration.ofMinutes(i)));
      rows.add(MetadataRow.of(event));
    }
    return rows;
  }

  private static List<SheetRow> sheet(
      List<Map<String, Object>> rows, String previous, int firstRow) {
    List<SheetRow> sheet = new ArrayList<>();
    for (Map<String, Object> row : MetadataChain.chain(rows, previous)) {
      sheet.add(new SheetRow(firstRow + sheet.size(), row));
    }
    return sheet;
  }
}
