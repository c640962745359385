package cl.zeues.occupation.views.model;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import cl.zeues.occupation.events.Worker;
import java.time.Instant;
import java.util.UUID;

/**
 * Which spools an operation can be started on right now: the filters of {@code GET
 * /api/spools/iniciar} (domain-facts 6.4), all in this one class.
 *
 * <p>ARM and SOLD ask the domain itself: a spool is listed exactly when a TOMAR for that operation
 * would be accepted now by the same {@link OccupationDecider} the processor runs (in the catalog
 * with {@code Fecha_Materiales}, operation not completed, free or its lease lapsed; SOLD once ARM
 * was initiated, the v3 rule of DESIGN 4, where 6.4's HEAD-era rule says ARM completed). So the
 * list never offers a spool the processor would refuse, and never drifts from the rules.
 *
 * <p>METROLOGIA and REPARACION ask the domain the same way: METROLOGIA lists a spool whose
 * inspection the decider would record now (ARM and SOLD completed, not approved, not waiting for a
 * repair, not blocked, not occupied), REPARACION one whose repair TOMAR it would accept (rejected
 * in metrology or with its repair paused, not BLOQUEADO, free).
 */
public final class StartFilters {

  private static final UUID PROBE = new UUID(0, 0);
  private static final Worker PROBE_WORKER = new Worker(0, "consulta", "CO(0)");

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);

  /** Whether {@code operacion} can be started on the spool now. */
  public boolean canStart(
      Operacion operacion, SpoolView view, SpoolCatalogEntry catalog, Instant now) {
    return switch (operacion) {
      case ARM, SOLD, REPARACION -> accepts(tomar(operacion, view, now), view, catalog, now);
      case METROLOGIA ->
          accepts(
              new OccupationCommand.CompletarMetrologia(
                  PROBE, view.tagSpool(), PROBE_WORKER, Resultado.APROBADO, null, now),
              view,
              catalog,
              now);
    };
  }

  private static OccupationCommand tomar(Operacion operacion, SpoolView view, Instant now) {
    return new OccupationCommand.Tomar(PROBE, view.tagSpool(), PROBE_WORKER, operacion, now);
  }

  private boolean accepts(
      OccupationCommand probe, SpoolView view, SpoolCatalogEntry catalog, Instant now) {
    return decider.decide(view.state(), probe, catalog, now) instanceof Decision.Accepted;
  }

  /** The rule behind the list, in the tablet's language ({@code filtro_aplicado}). */
  public String description(Operacion operacion) {
    return switch (operacion) {
      case ARM ->
          "ARM: con Fecha_Materiales, ARM no completado y libre (o con su ocupación vencida)";
      case SOLD -> "SOLD: ARM iniciado, SOLD no completado y libre (o con su ocupación vencida)";
      case METROLOGIA ->
          "METROLOGIA: ARM y SOLD completados, sin Fecha_QC_Metrología, no RECHAZADO ni"
              + " BLOQUEADO, y libre";
      case REPARACION ->
          "REPARACION: rechazado en metrología o con reparación pausada, no BLOQUEADO, y libre";
    };
  }
}
