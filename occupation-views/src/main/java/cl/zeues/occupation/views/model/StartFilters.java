package cl.zeues.occupation.views.model;

import cl.zeues.occupation.domain.Decision;
import cl.zeues.occupation.domain.OccupationDecider;
import cl.zeues.occupation.domain.OccupationPolicy;
import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
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
 * <p>METROLOGIA and REPARACION list nothing, on purpose: 6.4 lists METROLOGIA for spools with SOLD
 * completed and no {@code Fecha_QC_Metrología}, and REPARACION for spools whose last metrology was
 * RECHAZADO (or whose repair is paused) and that are not BLOQUEADO. Neither can be started in this
 * system yet: the processor answers {@code OPERACION_NO_SOPORTADA} to both, and the log carries no
 * metrology result to tell a rejected spool from any other. Listing a spool the processor refuses
 * would be worse than listing none; {@link #description} says so to the tablet.
 */
public final class StartFilters {

  private static final UUID PROBE = new UUID(0, 0);
  private static final Worker PROBE_WORKER = new Worker(0, "consulta", "CO(0)");

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);

  /** Whether {@code operacion} can be started on the spool now. */
  public boolean canStart(
      Operacion operacion, SpoolView view, SpoolCatalogEntry catalog, Instant now) {
    return switch (operacion) {
      case ARM, SOLD -> acceptsTomar(operacion, view, catalog, now);
      case METROLOGIA, REPARACION -> false;
    };
  }

  private boolean acceptsTomar(
      Operacion operacion, SpoolView view, SpoolCatalogEntry catalog, Instant now) {
    var tomar = new OccupationCommand.Tomar(PROBE, view.tagSpool(), PROBE_WORKER, operacion, now);
    return decider.decide(view.state(), tomar, catalog, now) instanceof Decision.Accepted;
  }

  /** The rule behind the list, in the tablet's language ({@code filtro_aplicado}). */
  public String description(Operacion operacion) {
    return switch (operacion) {
      case ARM ->
          "ARM: con Fecha_Materiales, ARM no completado y libre (o con su ocupación vencida)";
      case SOLD -> "SOLD: ARM iniciado, SOLD no completado y libre (o con su ocupación vencida)";
      case METROLOGIA ->
          "METROLOGIA: SOLD completado y sin Fecha_QC_Metrología. Ninguno se lista: este sistema"
              + " aún no registra metrología (OPERACION_NO_SOPORTADA)";
      case REPARACION ->
          "REPARACION: rechazado en metrología o con reparación pausada, no BLOQUEADO. Ninguno se"
              + " lista: este sistema aún no registra resultados de metrología ni reparaciones"
              + " (OPERACION_NO_SOPORTADA)";
    };
  }
}
