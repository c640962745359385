package cl.zeues.occupation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.events.OccupationCommand;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.RejectionReason;
import cl.zeues.occupation.events.SpoolCatalogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Given commands already decided, when one more command, then events or a rejection. */
final class SpoolScenario {

  static final String TAG = "MK-1335-CW-25238-011";
  static final LocalDate MATERIALES = LocalDate.parse("2026-10-01");

  private final OccupationDecider decider = new OccupationDecider(OccupationPolicy.DEFAULT);
  private @Nullable SpoolCatalogEntry catalog = new SpoolCatalogEntry(TAG, MATERIALES);
  private SpoolState state = SpoolState.initial(TAG);
  private final List<OccupationEvent> history = new ArrayList<>();
  private @Nullable Decision decision;

  static SpoolScenario given() {
    return new SpoolScenario();
  }

  SpoolScenario notInCatalog() {
    catalog = null;
    return this;
  }

  SpoolScenario catalog(@Nullable LocalDate fechaMateriales) {
    catalog = new SpoolCatalogEntry(TAG, fechaMateriales);
    return this;
  }

  /** Decides {@code command} at {@code at} and requires it to be accepted. */
  SpoolScenario accepted(OccupationCommand command, Instant at) {
    Decision d = decider.decide(state, command, catalog, at);
    assertThat(d).as("setup command %s", command).isInstanceOf(Decision.Accepted.class);
    for (OccupationEvent event : ((Decision.Accepted) d).events()) {
      state = state.evolve(event);
      history.add(event);
    }
    return this;
  }

  SpoolScenario when(OccupationCommand command, Instant at) {
    decision = decider.decide(state, command, catalog, at);
    return this;
  }

  List<OccupationEvent> thenEvents() {
    assertThat(decision).isInstanceOf(Decision.Accepted.class);
    return ((Decision.Accepted) decision).events();
  }

  /** The events, and the state after folding them. */
  SpoolState thenState() {
    SpoolState after = state;
    for (OccupationEvent event : thenEvents()) {
      after = after.evolve(event);
    }
    return after;
  }

  Decision.Rejected thenRejected(RejectionReason reason) {
    assertThat(decision).isInstanceOf(Decision.Rejected.class);
    Decision.Rejected rejected = (Decision.Rejected) decision;
    assertThat(rejected.reason()).isEqualTo(reason);
    return rejected;
  }

  SpoolState state() {
    return state;
  }

  List<OccupationEvent> history() {
    return history;
  }

  @Nullable Decision decision() {
    return decision;
  }
}
