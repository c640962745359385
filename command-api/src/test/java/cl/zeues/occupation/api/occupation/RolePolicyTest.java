package cl.zeues.occupation.api.occupation;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolePolicyTest {

  private static final Worker JUAN = new Worker(94, "Juan Perez", "JP(94)");
  private static final Instant T0 = Instant.parse("2026-11-27T12:30:00Z");
  private static final RolePolicy EVERY_OPERATION = new RolePolicy(EnumSet.allOf(Operacion.class));

  static OccupationCommand tomar(Operacion operacion) {
    return new OccupationCommand.Tomar(UUID.randomUUID(), "MK-1", JUAN, operacion, T0);
  }

  static OccupationCommand metrologia() {
    return new OccupationCommand.CompletarMetrologia(
        UUID.randomUUID(), "MK-1", JUAN, Resultado.APROBADO, null, T0);
  }

  @Test
  void theMatrixIsTheTabletsOne() {
    assertThat(RolePolicy.ROLES)
        .containsEntry(Operacion.ARM, List.of("Armador", "Ayudante"))
        .containsEntry(Operacion.SOLD, List.of("Soldador", "Ayudante"))
        .containsEntry(Operacion.METROLOGIA, List.of("Metrologia"))
        .containsEntry(Operacion.REPARACION, List.of("Armador", "Soldador"))
        .hasSize(Operacion.values().length);
    assertThat(RolePolicy.requirement(Operacion.ARM)).isEqualTo("Armador o Ayudante");
  }

  @ParameterizedTest(name = "{0} with roles [{1}]: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "ARM; Armador; true",
        "ARM; Ayudante; true",
        "ARM; Soldador; false",
        "SOLD; Soldador; true",
        "SOLD; Ayudante; true",
        "SOLD; Armador; false",
        "REPARACION; Armador; true",
        "REPARACION; Soldador; true",
        "REPARACION; Ayudante; false",
        "REPARACION; Metrologia; false",
        "ARM; ''; false",
        "SOLD; Pintura,Despacho; false",
        "SOLD; Pintura,Soldador; true"
      })
  void tomarNeedsOneOfTheOperationsRolesWhenEnforced(
      Operacion operacion, String roles, boolean allowed) {
    List<String> held = roles.isEmpty() ? List.of() : List.of(roles.split(","));

    assertThat(EVERY_OPERATION.allows(tomar(operacion), held)).isEqualTo(allowed);
  }

  @Test
  void metrologyNeedsTheMetrologiaRole() {
    assertThat(EVERY_OPERATION.allows(metrologia(), List.of("Metrologia"))).isTrue();
    assertThat(EVERY_OPERATION.allows(metrologia(), List.of("Armador", "Soldador", "Ayudante")))
        .isFalse();
  }

  @Test
  void theSheetsSpellingOfARoleMatchesWhateverItsCaseAccentsOrSpaces() {
    assertThat(EVERY_OPERATION.allows(metrologia(), List.of("Metrología"))).isTrue();
    assertThat(EVERY_OPERATION.allows(metrologia(), List.of(" METROLOGIA "))).isTrue();
    assertThat(EVERY_OPERATION.allows(tomar(Operacion.ARM), List.of("armador"))).isTrue();
    assertThat(EVERY_OPERATION.allows(metrologia(), List.of("Metrologo"))).isFalse();
  }

  @Test
  void byDefaultOnlyMetrologyIsEnforced() {
    RolePolicy defaults = RolePolicy.metrologiaOnly();

    assertThat(defaults.enforced()).containsExactly(Operacion.METROLOGIA);
    assertThat(defaults.allows(metrologia(), List.of("Armador"))).isFalse();
    for (Operacion operacion : List.of(Operacion.ARM, Operacion.SOLD, Operacion.REPARACION)) {
      assertThat(defaults.allows(tomar(operacion), List.of())).as("%s", operacion).isTrue();
      assertThat(defaults.checkedOperation(tomar(operacion))).isEmpty();
    }
  }

  @Test
  void nothingEnforcedLetsEveryWorkerDoEverything() {
    RolePolicy none = new RolePolicy(EnumSet.noneOf(Operacion.class));

    assertThat(none.enforced()).isEmpty();
    assertThat(none.allows(metrologia(), List.of())).isTrue();
    assertThat(none.allows(tomar(Operacion.ARM), List.of())).isTrue();
  }

  @Test
  void onlyTakingWorkAndRecordingMetrologyAreChecked() {
    UUID id = UUID.randomUUID();
    List<OccupationCommand> unchecked =
        List.of(
            new OccupationCommand.Pausar(id, "MK-1", JUAN, Operacion.ARM, T0),
            new OccupationCommand.Completar(id, "MK-1", JUAN, Operacion.SOLD, null, T0),
            new OccupationCommand.Cancelar(id, "MK-1", JUAN, Operacion.REPARACION, T0),
            new OccupationCommand.ExpirarOcupacion(id, "MK-1", id, T0),
            new OccupationCommand.LiberarOcupacion(id, "MK-1", "admin", null, T0),
            new OccupationCommand.DesbloquearSpool(id, "MK-1", "admin", null, T0),
            // TOMAR of METROLOGIA is no inspection: the processor refuses it, not the roles.
            tomar(Operacion.METROLOGIA));

    for (OccupationCommand command : unchecked) {
      assertThat(EVERY_OPERATION.checkedOperation(command)).as("%s", command).isEmpty();
      assertThat(EVERY_OPERATION.allows(command, List.of())).as("%s", command).isTrue();
    }
    assertThat(EVERY_OPERATION.checkedOperation(tomar(Operacion.SOLD))).contains(Operacion.SOLD);
    assertThat(EVERY_OPERATION.checkedOperation(metrologia())).contains(Operacion.METROLOGIA);
  }
}
