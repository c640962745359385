package cl.zeues.occupation.domain;

import java.util.UUID;

/**
 * The last occupation that ended without its worker's doing (lease expiry or an admin's release),
 * kept so that worker's later PAUSAR/COMPLETAR/CANCELAR hears {@code LOCK_EXPIRED}, not a puzzle.
 */
public record LostOccupation(UUID occupationId, int workerId, boolean forcedByAdmin) {}
