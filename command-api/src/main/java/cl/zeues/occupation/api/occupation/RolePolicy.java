package cl.zeues.occupation.api.occupation;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.Operacion;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Roles} entry a worker needs for an operation (domain-facts §1 and §2.9), and for
 * which operations the API enforces it.
 *
 * <p>The matrix is the tablets' ({@code OPERATION_TO_ROLES}): METROLOGIA needs {@code Metrologia};
 * ARM {@code Armador} or {@code Ayudante}; SOLD {@code Soldador} or {@code Ayudante}; REPARACION
 * {@code Armador} or {@code Soldador}. The role is checked when work is taken (TOMAR) and when a
 * metrology result is recorded; PAUSAR, COMPLETAR and CANCELAR need none, since only the occupant
 * may give them. A role matches its name in {@code Roles} ignoring case, accents and surrounding
 * spaces ({@code Metrología} is {@code Metrologia}), as the sheet is typed by hand.
 */
public final class RolePolicy {

  /** The roles each operation accepts, any one of them. */
  public static final Map<Operacion, List<String>> ROLES = matrix();

  private final EnumSet<Operacion> enforced;

  /**
   * @param enforced the operations whose role is checked; the others are open to every worker
   */
  public RolePolicy(Set<Operacion> enforced) {
    this.enforced = enforced.isEmpty() ? EnumSet.noneOf(Operacion.class) : EnumSet.copyOf(enforced);
  }

  /** What the business enforces today (domain-facts §2.9, HEAD): only metrology's role. */
  public static RolePolicy metrologiaOnly() {
    return new RolePolicy(EnumSet.of(Operacion.METROLOGIA));
  }

  public Set<Operacion> enforced() {
    return EnumSet.copyOf(enforced);
  }

  /**
   * The operation whose role {@code command} needs, when that role is enforced: a TOMAR's (for the
   * operations a worker occupies; TOMAR of METROLOGIA is not an inspection, the processor refuses
   * it) and the metrology result's. Empty for every other command.
   */
  public Optional<Operacion> checkedOperation(OccupationCommand command) {
    Operacion operacion =
        switch (command) {
          case OccupationCommand.Tomar t -> t.operacion().isOccupying() ? t.operacion() : null;
          case OccupationCommand.CompletarMetrologia m -> m.operacion();
          case OccupationCommand.Pausar p -> null;
          case OccupationCommand.Completar c -> null;
          case OccupationCommand.Cancelar c -> null;
          case OccupationCommand.ExpirarOcupacion e -> null;
          case OccupationCommand.LiberarOcupacion l -> null;
          case OccupationCommand.DesbloquearSpool d -> null;
        };
    return Optional.ofNullable(operacion).filter(enforced::contains);
  }

  /** Whether a worker holding {@code roles} may give {@code command}. */
  public boolean allows(OccupationCommand command, Collection<String> roles) {
    return checkedOperation(command).map(op -> holdsOneOf(roles, ROLES.get(op))).orElse(true);
  }

  /** The roles {@code operacion} accepts, as a Spanish phrase: "Armador o Ayudante". */
  public static String requirement(Operacion operacion) {
    return String.join(" o ", ROLES.get(operacion));
  }

  private static boolean holdsOneOf(Collection<String> held, List<String> accepted) {
    List<String> wanted = accepted.stream().map(RolePolicy::normalized).toList();
    return held.stream().map(RolePolicy::normalized).anyMatch(wanted::contains);
  }

  private static String normalized(String role) {
    return Normalizer.normalize(role.strip(), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static Map<Operacion, List<String>> matrix() {
    Map<Operacion, List<String>> roles = new EnumMap<>(Operacion.class);
    roles.put(Operacion.ARM, List.of("Armador", "Ayudante"));
    roles.put(Operacion.SOLD, List.of("Soldador", "Ayudante"));
    roles.put(Operacion.METROLOGIA, List.of("Metrologia"));
    roles.put(Operacion.REPARACION, List.of("Armador", "Soldador"));
    return Collections.unmodifiableMap(roles);
  }
}
