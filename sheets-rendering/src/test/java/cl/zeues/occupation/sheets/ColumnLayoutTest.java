package cl.zeues.occupation.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {

  private static final List<String> HEADER =
      List.of("id", "TAG_SPOOL", "Armador", "Ocupado_Por", "Fecha_Ocupacion", "version", "Notas");
  private static final List<String> REQUIRED =
      List.of("TAG_SPOOL", "Armador", "Ocupado_Por", "Fecha_Ocupacion", "version");

  @Test
  void findsColumnsByNormalizedName() {
    ColumnLayout layout =
        ColumnLayout.of(
            "Operaciones",
            List.of("tag spool", "ARMADOR", "ocupado por", "Fecha_Ocupación", "Version"),
            REQUIRED);
    assertThat(layout.isComplete()).isTrue();
    assertThat(layout.letters("Ocupado_Por")).isEqualTo("C");
  }

  @Test
  void anInsertedColumnMovesTheColumnsAfterIt() {
    ColumnLayout before = ColumnLayout.of("Operaciones", HEADER, REQUIRED);
    List<String> inserted = new ArrayList<>(HEADER);
    inserted.add(3, "MatSys");
    ColumnLayout after = ColumnLayout.of("Operaciones", inserted, REQUIRED);

    assertThat(after.sameHeader(before)).isFalse();
    assertThat(after.movedSince(before))
        .containsExactly("Ocupado_Por (D -> E)", "Fecha_Ocupacion (E -> F)", "version (F -> G)");
  }

  @Test
  void otherColumnsMayChangeFreely() {
    ColumnLayout before = ColumnLayout.of("Operaciones", HEADER, REQUIRED);
    List<String> appended = new ArrayList<>(HEADER);
    appended.add("Nueva");
    assertThat(ColumnLayout.of("Operaciones", appended, REQUIRED).movedSince(before)).isEmpty();
  }

  @Test
  void aMissingColumnIsNamed() {
    ColumnLayout layout = ColumnLayout.of("Operaciones", List.of("TAG_SPOOL", "Armador"), REQUIRED);
    assertThat(layout.isComplete()).isFalse();
    assertThat(layout.missing()).containsExactly("Ocupado_Por", "Fecha_Ocupacion", "version");
  }

  @Test
  void rangesAreQuotedA1ReferencesByColumnName() {
    ColumnLayout layout = ColumnLayout.of("Hoja's", HEADER, REQUIRED);
    assertThat(layout.cell("Ocupado_Por", 12)).isEqualTo("'Hoja''s'!D12");
    assertThat(layout.columnRange("version", 2)).isEqualTo("'Hoja''s'!F2:F");
    assertThat(layout.tableRange()).isEqualTo("'Hoja''s'!B:F");
    assertThat(layout.tableRange(2)).isEqualTo("'Hoja''s'!B2:F");
    assertThat(ColumnLayout.headerRange("Metadata")).isEqualTo("'Metadata'!1:1");
  }

  @Test
  void aRowPutsEachValueUnderItsColumnAndReadsBackTheSame() {
    ColumnLayout layout =
        ColumnLayout.of("Operaciones", HEADER, List.of("TAG_SPOOL", "Ocupado_Por", "version"));

    List<Object> row =
        layout.row(Map.of("version", 3L, "TAG_SPOOL", "S-1", "Notas", "not a required column"));

    assertThat(row).containsExactly("S-1", "", "", "", 3L);
    assertThat(layout.byHeader(row))
        .containsExactly(
            Map.entry("TAG_SPOOL", "S-1"), Map.entry("Ocupado_Por", ""), Map.entry("version", 3L));
    assertThat(layout.byHeader(List.of("S-2"))).containsExactly(Map.entry("TAG_SPOOL", "S-2"));
  }
}
