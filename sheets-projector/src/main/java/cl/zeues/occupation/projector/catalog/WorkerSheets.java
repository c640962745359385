package cl.zeues.occupation.projector.catalog;

import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.sheets.HeaderNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The worker catalog in the {@code Trabajadores} ({@code Id, Nombre, Apellido, Activo}) and {@code
 * Roles} ({@code Id, Rol, Activo}, one row per role) sheets. A worker's roles are their active role
 * rows, in sheet order. An {@code Activo} that cannot be read counts as inactive (and is reported):
 * an unknown state must never let someone act. Inactive workers are published too, with {@code
 * activo = false}, so consumers can tell "inactive" from "unknown".
 */
final class WorkerSheets {

  static final String ID = "Id";
  static final String NOMBRE = "Nombre";
  static final String APELLIDO = "Apellido";
  static final String ACTIVO = "Activo";
  static final String ROL = "Rol";

  private WorkerSheets() {}

  static SheetImport<WorkerCatalogEntry> read(
      String trabajadoresSheet,
      List<? extends List<?>> trabajadores,
      String rolesSheet,
      List<? extends List<?>> roles) {
    HeaderNames workerHeader = header(trabajadores);
    HeaderNames roleHeader = header(roles);
    List<String> missingWorker = missing(workerHeader, ID, NOMBRE, APELLIDO, ACTIVO);
    if (!missingWorker.isEmpty()) {
      return new SheetImport.MissingColumns<>(trabajadoresSheet, missingWorker);
    }
    List<String> missingRole = missing(roleHeader, ID, ROL, ACTIVO);
    if (!missingRole.isEmpty()) {
      return new SheetImport.MissingColumns<>(rolesSheet, missingRole);
    }
    List<String> warnings = new ArrayList<>();
    Map<Integer, Set<String>> activeRoles = activeRoles(rolesSheet, roles, roleHeader, warnings);

    int id = workerHeader.indexOf(ID).orElseThrow();
    int nombre = workerHeader.indexOf(NOMBRE).orElseThrow();
    int apellido = workerHeader.indexOf(APELLIDO).orElseThrow();
    int activo = workerHeader.indexOf(ACTIVO).orElseThrow();
    Map<String, WorkerCatalogEntry> entries = new LinkedHashMap<>();
    Map<Integer, List<Integer>> rowsOfId = new LinkedHashMap<>();
    for (int i = 1; i < trabajadores.size(); i++) {
      List<?> row = trabajadores.get(i);
      int rowNumber = i + 1;
      if (Cells.isBlank(row)) {
        continue;
      }
      Optional<Integer> workerId = Cells.integer(Cells.at(row, id));
      if (workerId.isEmpty()) {
        warnings.add(
            "%s row %d: Id '%s' is not a whole number; row left out"
                .formatted(trabajadoresSheet, rowNumber, Cells.text(Cells.at(row, id))));
        continue;
      }
      rowsOfId.computeIfAbsent(workerId.get(), k -> new ArrayList<>()).add(rowNumber);
      if (rowsOfId.get(workerId.get()).size() > 1) {
        continue;
      }
      Object activoCell = Cells.at(row, activo);
      Optional<Boolean> active = Cells.flag(activoCell);
      if (active.isEmpty()) {
        warnings.add(
            "%s row %d: worker %d has an unreadable Activo '%s'; imported as inactive"
                .formatted(trabajadoresSheet, rowNumber, workerId.get(), Cells.text(activoCell)));
      }
      WorkerCatalogEntry entry =
          new WorkerCatalogEntry(
              workerId.get(),
              Cells.text(Cells.at(row, nombre)),
              Cells.text(Cells.at(row, apellido)),
              active.orElse(false),
              List.copyOf(activeRoles.getOrDefault(workerId.get(), Set.of())));
      entries.put(entry.key(), entry);
    }
    List<String> duplicates =
        rowsOfId.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " on rows " + e.getValue())
            .toList();
    if (!duplicates.isEmpty()) {
      warnings.add(
          "%s: duplicated Id, the first row of each is imported: %s"
              .formatted(trabajadoresSheet, String.join("; ", duplicates)));
    }
    return new SheetImport.Read<>(entries, warnings);
  }

  private static Map<Integer, Set<String>> activeRoles(
      String sheet, List<? extends List<?>> roles, HeaderNames header, List<String> warnings) {
    int id = header.indexOf(ID).orElseThrow();
    int rol = header.indexOf(ROL).orElseThrow();
    int activo = header.indexOf(ACTIVO).orElseThrow();
    Map<Integer, Set<String>> active = new HashMap<>();
    for (int i = 1; i < roles.size(); i++) {
      List<?> row = roles.get(i);
      int rowNumber = i + 1;
      if (Cells.isBlank(row)) {
        continue;
      }
      Optional<Integer> workerId = Cells.integer(Cells.at(row, id));
      String role = Cells.text(Cells.at(row, rol));
      if (workerId.isEmpty() || role.isEmpty()) {
        warnings.add(
            "%s row %d: needs a whole-number Id and a Rol, has '%s' and '%s'; row left out"
                .formatted(sheet, rowNumber, Cells.text(Cells.at(row, id)), role));
        continue;
      }
      Object activoCell = Cells.at(row, activo);
      Optional<Boolean> roleActive = Cells.flag(activoCell);
      if (roleActive.isEmpty()) {
        warnings.add(
            "%s row %d: role %s of worker %d has an unreadable Activo '%s'; taken as inactive"
                .formatted(sheet, rowNumber, role, workerId.get(), Cells.text(activoCell)));
      }
      if (roleActive.orElse(false)) {
        active.computeIfAbsent(workerId.get(), k -> new LinkedHashSet<>()).add(role);
      }
    }
    return active;
  }

  private static HeaderNames header(List<? extends List<?>> rows) {
    return HeaderNames.of(rows.isEmpty() ? List.of() : rows.getFirst());
  }

  private static List<String> missing(HeaderNames header, String... columns) {
    List<String> missing = new ArrayList<>();
    for (String column : columns) {
      if (header.indexOf(column).isEmpty()) {
        missing.add(column);
      }
    }
    return missing;
  }
}
