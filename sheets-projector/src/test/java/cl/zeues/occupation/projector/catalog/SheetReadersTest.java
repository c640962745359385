package cl.zeues.occupation.projector.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.WorkerCatalogEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SpoolSheet} and {@link WorkerSheets}: rows as the Sheets client returns them. */
class SheetReadersTest {

  static final List<Object> SPOOL_HEADER = List.of("id", "Fecha_Materiales", "NV", "Tag Spool");

  @Test
  void spoolColumnsAreFoundByNormalizedNameAnywhere() {
    var read =
        (SheetImport.Read<SpoolCatalogEntry>)
            SpoolSheet.read(
                "Operaciones",
                List.of(
                    SPOOL_HEADER,
                    List.of(1, "13/05/2026", "NV1", "MK-1"),
                    List.of(2, new BigDecimal("46155.4818"), "NV1", "MK-2"),
                    List.of(3, "", "NV1", "MK-3"),
                    List.of(4, "pronto", "NV1", "MK-4"),
                    List.of(5)));

    LocalDate may13 = LocalDate.of(2026, 5, 13);
    assertThat(read.entries().values())
        .containsExactly(
            new SpoolCatalogEntry("MK-1", may13),
            new SpoolCatalogEntry("MK-2", may13),
            new SpoolCatalogEntry("MK-3", null),
            new SpoolCatalogEntry("MK-4", null));
    assertThat(read.warnings()).singleElement().asString().contains("row 5", "MK-4", "'pronto'");
  }

  @Test
  void aDuplicatedTagKeepsItsFirstRowAndNamesTheRowsOnce() {
    var read =
        (SheetImport.Read<SpoolCatalogEntry>)
            SpoolSheet.read(
                "Operaciones",
                List.of(
                    SPOOL_HEADER,
                    List.of(1, "01-02-2026", "NV1", "MK-1"),
                    List.of(2, "02-02-2026", "NV1", "MK-1"),
                    List.of(3, "03-02-2026", "NV1", "MK-1")));

    assertThat(read.entries().values())
        .containsExactly(new SpoolCatalogEntry("MK-1", LocalDate.of(2026, 2, 1)));
    assertThat(read.warnings()).singleElement().asString().contains("'MK-1' on rows [2, 3, 4]");
  }

  @Test
  void aMissingSpoolColumnNamesSheetAndColumn() {
    var missing =
        (SheetImport.MissingColumns<SpoolCatalogEntry>)
            SpoolSheet.read("Operaciones", List.of(List.of("TAG_SPOOL", "Fecha Armado")));

    assertThat(missing.describe())
        .isEqualTo("sheet 'Operaciones' has no column 'Fecha_Materiales' in its header row");
    assertThat(SpoolSheet.read("Operaciones", List.of()))
        .isInstanceOf(SheetImport.MissingColumns.class);
  }

  @Test
  void workersGetTheirActiveRolesAndLiberalActivo() {
    var read =
        (SheetImport.Read<WorkerCatalogEntry>)
            WorkerSheets.read(
                "Trabajadores",
                List.of(
                    List.of("Id", "Nombre", "Apellido", "Activo"),
                    List.of(new BigDecimal("94.0"), "Juan", "Pérez", true),
                    List.of("95", "Ana", "Soto", "No"),
                    List.of(96, "Luis", "Rojas", "quizás"),
                    List.of("", "", "", "")),
                "Roles",
                List.of(
                    List.of("Id", "Rol", "Activo"),
                    List.of(94, "Armador", "TRUE"),
                    List.of(94, "Soldador", "FALSE"),
                    List.of("94", "Ayudante", "Sí"),
                    List.of(95, "Armador", Boolean.TRUE)));

    assertThat(read.entries().values())
        .containsExactly(
            new WorkerCatalogEntry(94, "Juan", "Pérez", true, List.of("Armador", "Ayudante")),
            new WorkerCatalogEntry(95, "Ana", "Soto", false, List.of("Armador")),
            new WorkerCatalogEntry(96, "Luis", "Rojas", false, List.of()));
    assertThat(read.entries()).containsOnlyKeys("94", "95", "96");
    assertThat(read.warnings()).singleElement().asString().contains("worker 96", "'quizás'");
  }

  @Test
  void aMissingRolesColumnSkipsTheWorkers() {
    var missing =
        (SheetImport.MissingColumns<WorkerCatalogEntry>)
            WorkerSheets.read(
                "Trabajadores",
                List.of(List.of("Id", "Nombre", "Apellido", "Activo")),
                "Roles",
                List.of(List.of("Id", "Activo")));

    assertThat(missing.sheet()).isEqualTo("Roles");
    assertThat(missing.columns()).containsExactly("Rol");
  }
}
