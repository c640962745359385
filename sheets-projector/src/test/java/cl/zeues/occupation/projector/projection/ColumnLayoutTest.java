package cl.zeues.occupation.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
