package cl.zeues.occupation.api;

import cl.zeues.occupation.events.Operacion;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shop's rules the API applies before publishing, prefix {@code zeues.rules}.
 *
 * @param enforceRoles the operations whose {@code Roles} entry is checked (see {@code RolePolicy}
 *     for the matrix): by default only {@code METROLOGIA}, as the business enforces it; any of
 *     {@code ARM, SOLD, METROLOGIA, REPARACION}, or empty for none
 */
@Validated
@ConfigurationProperties("zeues.rules")
public record RulesSettings(@NotNull @DefaultValue("METROLOGIA") Set<Operacion> enforceRoles) {}
