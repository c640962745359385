package cl.zeues.occupation.audit.verify;

import cl.zeues.occupation.audit.log.Decoded;
import cl.zeues.occupation.audit.log.EventDecoder;
import cl.zeues.occupation.audit.log.LogRecord;
import cl.zeues.occupation.audit.log.RecordRef;
import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.EstadoCalidad;
import cl.zeues.occupation.domain.EstadoDetalle;
import cl.zeues.occupation.domain.Occupation;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.CloudEventHeaders;
import cl.zeues.occupation.events.EventChain;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.OccupationEvent.MetrologiaCompletada;
import cl.zeues.occupation.events.OccupationEvent.SpoolDesbloqueado;
import cl.zeues.occupation.events.OccupationEvent.SpoolTomado;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Resultado;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Checks every record of the log, in log order, against the {@link Rule rules}. Pure and
 * incremental: {@link #accept} one record at a time, then read {@link #result()}.
 *
 * <p>Each spool is folded with {@link SpoolState#evolve}. Where the log breaks the version rule the
 * fold is re-based on the record's version (the finding is reported once, and the following records
 * are judged against the state as the log left it), so one broken record gives one finding, not one
 * per later event of that spool.
 *
 * <p>A command's decision may record several events (an expiry then the TOMAR that found the lease
 * lapsed): they share the command id, follow each other on the same spool and have consecutive
 * versions. Any other reappearance of a command id is a second decision.
 */
public final class Verifier {

  private final EventDecoder decoder = new EventDecoder();
  private final int maxFindings;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<Rule, Long> counts = new EnumMap<>(Rule.class);
  private final Map<String, SpoolTrack> spools = new HashMap<>();
  private final Map<UUID, Long> eventRefs = new HashMap<>();
  private final Map<UUID, CommandTrack> commands = new HashMap<>();
  private final Map<Class<?>, String> ceTypes = new HashMap<>();
  private long records;
  private long events;

  /**
   * @param maxFindings how many findings to keep in detail; all are counted by rule
   */
  public Verifier(int maxFindings) {
    this.maxFindings = maxFindings;
  }

  public void accept(LogRecord record) {
    accept(decoder.decode(record));
  }

  /** Checks a record already decoded (decoding is the costly part, and can run in parallel). */
  public void accept(Decoded decoded) {
    records++;
    LogRecord record = decoded.record();
    switch (decoded) {
      case Decoded.Malformed m ->
          report(Rule.MALFORMED_EVENT, record.key(), List.of(record.ref()), m.reason());
      case Decoded.Event e -> check(record, e.event());
    }
  }

  private void check(LogRecord record, OccupationEvent event) {
    events++;
    String tag = event.tagSpool();
    RecordRef ref = record.ref();
    long packed = pack(ref);
    if (!tag.equals(record.key())) {
      report(
          Rule.KEY_MISMATCH,
          tag,
          List.of(ref),
          "key " + quoted(record.key()) + " but tag_spool " + quoted(tag));
    }
    String expectedType =
        ceTypes.computeIfAbsent(event.getClass(), type -> CloudEventHeaders.typeOf(event));
    if (!sameType(expectedType, record.ceType())) {
      report(
          Rule.CE_TYPE_MISMATCH,
          tag,
          List.of(ref),
          record.ceType() == null
              ? "no ce_type header; the payload is " + expectedType
              : "ce_type " + record.ceType() + " but the payload is " + expectedType);
    }
    Long firstCopy = eventRefs.putIfAbsent(event.eventId(), packed);
    if (firstCopy != null) {
      report(
          Rule.DUPLICATE_EVENT,
          tag,
          List.of(unpack(firstCopy), ref),
          "event " + event.eventId() + " (version " + event.version() + ") is recorded again");
      return;
    }

    SpoolTrack spool = spools.computeIfAbsent(tag, SpoolTrack::new);
    if (spool.partition < 0) {
      spool.partition = record.partition();
      spool.firstRef = packed;
    } else if (spool.partition != record.partition() && !spool.splitReported) {
      spool.splitReported = true;
      report(
          Rule.SPOOL_IN_TWO_PARTITIONS,
          tag,
          List.of(unpack(spool.firstRef), ref),
          "events of " + tag + " in partitions " + spool.partition + " and " + record.partition());
    }

    long expected = spool.state.version() + 1;
    boolean inSequence = event.version() == expected;
    checkChain(spool, event, record, inSequence);
    if (!inSequence) {
      if (event.version() < expected) {
        long earlier = spool.refOf(event.version());
        report(
            Rule.VERSION_REPEAT,
            tag,
            earlier < 0 ? List.of(ref) : List.of(unpack(earlier), ref),
            "version " + event.version() + " again after version " + spool.state.version());
      } else {
        report(
            Rule.VERSION_GAP,
            tag,
            spool.lastRef < 0 ? List.of(ref) : List.of(unpack(spool.lastRef), ref),
            "version "
                + event.version()
                + " follows "
                + spool.state.version()
                + ": "
                + (event.version() - expected == 1
                    ? "version " + expected
                    : "versions " + expected + ".." + (event.version() - 1))
                + " missing");
      }
      spool.state = spool.state.atVersion(event.version() - 1);
    }

    checkCommand(spool, event, ref, packed);
    switch (event) {
      case MetrologiaCompletada inspection -> checkInspection(spool, inspection, ref);
      case SpoolDesbloqueado unblock -> checkUnblock(spool, unblock, ref);
      default -> {
        checkOccupant(spool, event, ref);
        checkRepair(spool, event, ref);
      }
    }

    try {
      spool.state = spool.state.evolve(event);
    } catch (RuntimeException e) {
      report(Rule.UNFOLDABLE_EVENT, tag, List.of(ref), String.valueOf(e.getMessage()));
      spool.state = spool.state.atVersion(event.version());
    }
    spool.remember(event.version(), packed);
    if (event instanceof SpoolTomado) {
      spool.occupationRef = packed;
    }
  }

  /**
   * The event links to the record before it on its spool, by that record's bytes as published: an
   * edit of any earlier event shows at its successor, and the finding names the changed record
   * first. A spool's chain may begin late (events written before it existed carry no link), but
   * once begun every event carries one. A link across a version gap or repeat is not reported
   * again: the version finding already names that place.
   */
  private void checkChain(
      SpoolTrack spool, OccupationEvent event, LogRecord record, boolean inSequence) {
    String link = event.hashAnterior();
    String previous = spool.lastRef < 0 ? EventChain.GENESIS : spool.lastHash;
    RecordRef ref = record.ref();
    if (inSequence && link == null && spool.chainedFrom > 0) {
      report(
          Rule.CHAIN_BROKEN,
          spool.tag,
          refs(spool.lastRef, ref),
          "version "
              + event.version()
              + " has no hash_anterior, but the spool's chain began at version "
              + spool.chainedFrom);
    } else if (inSequence && link != null && !link.equals(previous)) {
      report(
          Rule.CHAIN_BROKEN,
          spool.tag,
          refs(spool.lastRef, ref),
          spool.lastRef < 0
              ? "version " + event.version() + " is the spool's first event but links to " + link
              : "version "
                  + event.version()
                  + " links to "
                  + link
                  + " but the record before it hashes to "
                  + previous
                  + ": that record was changed, or one was removed or inserted between them");
    }
    if (link != null && spool.chainedFrom == 0) {
      spool.chainedFrom = event.version();
    }
    spool.lastHash = EventChain.hashOf(record.value());
  }

  private void checkCommand(SpoolTrack spool, OccupationEvent event, RecordRef ref, long packed) {
    CommandTrack command = commands.get(event.commandId());
    if (command == null) {
      commands.put(event.commandId(), new CommandTrack(spool.tag, packed, packed));
      return;
    }
    boolean sameDecision =
        command.tag.equals(spool.tag)
            && command.lastRef == spool.lastRef
            && spool.refOf(event.version() - 1) == command.lastRef;
    if (sameDecision) {
      command.lastRef = packed;
      return;
    }
    report(
        Rule.COMMAND_DECIDED_TWICE,
        spool.tag,
        List.of(unpack(command.firstRef), ref),
        "command "
            + event.commandId()
            + " already decided"
            + (command.tag.equals(spool.tag) ? "" : " for spool " + command.tag)
            + "; decided again here");
  }

  private void checkOccupant(SpoolTrack spool, OccupationEvent event, RecordRef ref) {
    Occupation current = spool.state.occupation();
    String tag = spool.tag;
    if (event instanceof SpoolTomado) {
      if (current != null) {
        report(
            Rule.DOUBLE_OCCUPATION,
            tag,
            refs(spool.occupationRef, ref),
            "TOMAR "
                + event.operacion()
                + " by "
                + event.worker().token()
                + " while "
                + current.worker().token()
                + " holds "
                + tag
                + " for "
                + current.operacion());
      }
      return;
    }
    String what = event.getClass().getSimpleName() + " by " + event.worker().token();
    if (current == null) {
      report(
          Rule.RELEASE_BY_NON_OCCUPANT,
          tag,
          List.of(ref),
          what + " but " + tag + " is free (no open occupation)");
    } else if (current.worker().id() != event.worker().id()) {
      report(
          Rule.RELEASE_BY_NON_OCCUPANT,
          tag,
          refs(spool.occupationRef, ref),
          what + " but " + current.worker().token() + " holds " + tag);
    } else if (!current.occupationId().equals(event.occupationId())) {
      report(
          Rule.RELEASE_BY_NON_OCCUPANT,
          tag,
          refs(spool.occupationRef, ref),
          what
              + " names occupation "
              + event.occupationId()
              + " but the open one is "
              + current.occupationId());
    } else if (current.operacion() != event.operacion()) {
      report(
          Rule.RELEASE_BY_NON_OCCUPANT,
          tag,
          refs(spool.occupationRef, ref),
          what + " for " + event.operacion() + " but the occupation is for " + current.operacion());
    }
  }

  /**
   * Metrology decides on a free spool whose ARM and SOLD are completed and that awaits inspection;
   * the cycle it records follows the spool's consecutive rejections.
   */
  private void checkInspection(SpoolTrack spool, MetrologiaCompletada event, RecordRef ref) {
    SpoolState state = spool.state;
    Occupation current = state.occupation();
    String tag = spool.tag;
    if (current != null) {
      report(
          Rule.INSPECTION_NOT_ALLOWED,
          tag,
          refs(spool.occupationRef, ref),
          "metrology "
              + event.resultado()
              + " while "
              + current.worker().token()
              + " holds "
              + tag);
    } else if (state.arm().estado() != Estado.COMPLETADO
        || state.sold().estado() != Estado.COMPLETADO) {
      report(
          Rule.INSPECTION_NOT_ALLOWED,
          tag,
          List.of(ref),
          "metrology "
              + event.resultado()
              + " with ARM "
              + state.arm().estado()
              + " and SOLD "
              + state.sold().estado());
    } else if (!state.calidad().estado().awaitsInspection()) {
      report(
          Rule.INSPECTION_NOT_ALLOWED,
          tag,
          List.of(ref),
          "metrology " + event.resultado() + " on a spool already " + state.calidad().estado());
    }
    int expected = event.resultado() == Resultado.APROBADO ? 0 : state.calidad().ciclo() + 1;
    if (event.ciclo() != expected || event.ciclo() > OccupationEvent.MAX_CICLOS) {
      report(
          Rule.CYCLE_BROKEN,
          tag,
          List.of(ref),
          "metrology "
              + event.resultado()
              + " records cycle "
              + event.ciclo()
              + " where the spool's rejections give "
              + expected);
    }
  }

  /** A repair is taken only on a rejected spool, and every repair event carries its cycle. */
  private void checkRepair(SpoolTrack spool, OccupationEvent event, RecordRef ref) {
    if (event.operacion() != Operacion.REPARACION) {
      return;
    }
    SpoolState state = spool.state;
    if (event instanceof SpoolTomado && state.calidad().estado() != EstadoCalidad.RECHAZADO) {
      report(
          Rule.REPAIR_NOT_ALLOWED,
          spool.tag,
          List.of(ref),
          "TOMAR REPARACION by "
              + event.worker().token()
              + " on a spool "
              + state.calidad().estado());
    }
    Integer ciclo = EstadoDetalle.cicloAfter(event);
    if (ciclo == null || ciclo != state.calidad().ciclo()) {
      report(
          Rule.CYCLE_BROKEN,
          spool.tag,
          List.of(ref),
          event.getClass().getSimpleName()
              + " REPARACION records cycle "
              + ciclo
              + " but the spool is at cycle "
              + state.calidad().ciclo());
    }
  }

  private void checkUnblock(SpoolTrack spool, SpoolDesbloqueado event, RecordRef ref) {
    if (spool.state.calidad().estado() != EstadoCalidad.BLOQUEADO) {
      report(
          Rule.UNBLOCK_NOT_BLOCKED,
          spool.tag,
          List.of(ref),
          "unblock by " + event.admin() + " of a spool " + spool.state.calidad().estado());
    }
  }

  /**
   * The header names the payload's type; its schema version may be an older one (the decoder has
   * upcast it already, or refused it as malformed).
   */
  static boolean sameType(String expected, @Nullable String header) {
    if (header == null) {
      return false;
    }
    if (header.equals(expected)) {
      return true;
    }
    int dot = header.lastIndexOf(".v");
    return dot > 0
        && header.substring(0, dot).equals(expected.substring(0, expected.lastIndexOf(".v")));
  }

  private static List<RecordRef> refs(long earlier, RecordRef ref) {
    return earlier < 0 ? List.of(ref) : List.of(unpack(earlier), ref);
  }

  private void report(Rule rule, @Nullable String tag, List<RecordRef> refs, String detail) {
    counts.merge(rule, 1L, Long::sum);
    if (findings.size() < maxFindings) {
      findings.add(new Finding(rule, tag, refs, detail));
    }
  }

  public VerifyResult result() {
    return new VerifyResult(records, events, spools.size(), counts, findings);
  }

  private static String quoted(@Nullable String text) {
    return text == null ? "(none)" : "'" + text + "'";
  }

  /** A record position in one long: partition in the top 16 bits, offset below. */
  static long pack(RecordRef ref) {
    return ((long) ref.partition() << 48) | ref.offset();
  }

  static RecordRef unpack(long packed) {
    return new RecordRef((int) (packed >>> 48), packed & 0xFFFF_FFFF_FFFFL);
  }

  /** What the verifier remembers of one spool. */
  private static final class SpoolTrack {
    final String tag;
    SpoolState state;
    int partition = -1;
    long firstRef = -1;
    long lastRef = -1;
    long occupationRef = -1;
    boolean splitReported;
    // The hash of the spool's last record, and the version whose event first carried a link.
    String lastHash = EventChain.GENESIS;
    long chainedFrom;
    private long[] versionRefs = new long[8];

    SpoolTrack(String tag) {
      this.tag = tag;
      this.state = SpoolState.initial(tag);
      Arrays.fill(versionRefs, -1);
    }

    void remember(long version, long packed) {
      lastRef = packed;
      if (version < 1 || version > Integer.MAX_VALUE - 8) {
        return;
      }
      int index = (int) version - 1;
      if (index >= versionRefs.length) {
        int size = Math.max(versionRefs.length * 2, index + 1);
        int old = versionRefs.length;
        versionRefs = Arrays.copyOf(versionRefs, size);
        Arrays.fill(versionRefs, old, size, -1);
      }
      if (versionRefs[index] < 0) {
        versionRefs[index] = packed;
      }
    }

    /** Where the first record with {@code version} is, or -1. */
    long refOf(long version) {
      if (version < 1 || version > versionRefs.length) {
        return -1;
      }
      return versionRefs[(int) version - 1];
    }
  }

  /** Where a command's events are: its first and its latest. */
  private static final class CommandTrack {
    final String tag;
    final long firstRef;
    long lastRef;

    CommandTrack(String tag, long firstRef, long lastRef) {
      this.tag = tag;
      this.firstRef = firstRef;
      this.lastRef = lastRef;
    }
  }
}
