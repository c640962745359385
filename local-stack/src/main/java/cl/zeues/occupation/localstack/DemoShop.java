package cl.zeues.occupation.localstack;

import cl.zeues.occupation.events.WorkerCatalogEntry;
import cl.zeues.occupation.sheets.ShopSheets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A realistic shop, generated deterministically (fixed seed) relative to the day of the first
 * start: spools in the {@code MK-####-XX-#####-###} format with their master data, 50 workers with
 * roles, and for every spool the state it should reach through real commands, in the proportions of
 * the shop's own 200-spool seed (domain facts 11).
 */
final class DemoShop {

  static final DateTimeFormatter SHEET_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  /** The state a spool is driven to by the seeding commands. */
  enum Target {
    LIBRE(60),
    EN_ARM(30),
    ARM_PEND(20),
    ARM_TERM(20),
    EN_SOLD(30),
    SOLD_PEND(10),
    SOLD_TERM(10),
    /** SOLD completed, waiting for metrology. */
    MET_PEND(10),
    /** Rejected by metrology once or twice (repaired in between), waiting for a repair. */
    RECHAZADO(6),
    /** Rejected, and a repair taken. */
    EN_REPARACION(4),
    /** Approved by metrology (not in the shop's seed: added so the board shows every state). */
    APROBADO(2),
    /**
     * Rejected three times with repairs in between: blocked until a supervisor unblocks it (not in
     * the shop's seed: added so the demo shows one).
     */
    BLOQUEADO(1);

    /** Spools in this state out of the shop's 200-spool seed. */
    final int per200;

    Target(int per200) {
      this.per200 = per200;
    }
  }

  record Spool(String tag, @Nullable LocalDate materiales, Target target, List<Object> row) {}

  record Worker(int id, String nombre, String apellido, boolean activo, List<String> roles) {
    String display() {
      return nombre + " " + apellido;
    }

    /** The {@code XX(ID)} token, made as the catalog makes it from the sheet's row. */
    String token() {
      return new WorkerCatalogEntry(id, nombre, apellido, activo, roles).worker().token();
    }
  }

  /**
   * One command of a spool's seeding, in order: the API route below {@code /api/} ({@code
   * occupation/tomar}, {@code metrologia/completar}, {@code tomar-reparacion}, ...) and its body's
   * fields.
   */
  record Step(
      String route,
      Worker worker,
      @Nullable String operacion,
      @Nullable LocalDate fecha,
      @Nullable String resultado) {

    static Step occupation(
        String action, Worker worker, @Nullable String operacion, @Nullable LocalDate fecha) {
      return new Step("occupation/" + action, worker, operacion, fecha, null);
    }

    static Step metrologia(Worker worker, String resultado, LocalDate fecha) {
      return new Step("metrologia/completar", worker, null, fecha, resultado);
    }

    static Step reparacion(String action, Worker worker) {
      return new Step(action + "-reparacion", worker, null, null, null);
    }
  }

  private static final List<String> CODES = List.of("CW", "TW", "BW", "SW", "GW", "TK");
  private static final List<String> CLIENTES =
      List.of("Codelco DMH", "Minera Escondida", "ENAP Refinerías", "Anglo American Sur", "CMPC");
  private static final List<Double> DIAMETROS =
      List.of(0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0);
  private static final List<String> NOMBRES =
      List.of(
          "Pedro",
          "María",
          "Luis",
          "Carla",
          "Diego",
          "Sofía",
          "Jorge",
          "Paula",
          "Raúl",
          "Inés",
          "Cristián",
          "Valentina",
          "Héctor",
          "Camila",
          "Rodrigo",
          "Javiera",
          "Manuel");
  private static final List<String> APELLIDOS =
      List.of(
          "Soto",
          "Muñoz",
          "Rojas",
          "Díaz",
          "Vega",
          "Lagos",
          "Fuentes",
          "Reyes",
          "Castro",
          "Mora",
          "González",
          "Tapia",
          "Contreras",
          "Sepúlveda",
          "Araya");
  private static final List<List<String>> ROLES =
      List.of(
          List.of("Armador"),
          List.of("Soldador"),
          List.of("Armador", "Soldador"),
          List.of("Soldador"),
          List.of("Armador"),
          List.of("Ayudante"),
          List.of("Armador", "Soldador"),
          List.of("Metrologia"));

  private final List<Spool> spools;
  private final List<Worker> workers;

  private DemoShop(List<Spool> spools, List<Worker> workers) {
    this.spools = List.copyOf(spools);
    this.workers = List.copyOf(workers);
  }

  static DemoShop generate(int count, LocalDate today) {
    List<Worker> workers = demoWorkers();
    Random random = new Random(42);
    List<Object[]> drafts = new ArrayList<>(count);
    Set<String> tags = new LinkedHashSet<>();
    int ot = 100;
    String nv = "NV0650";
    while (drafts.size() < count) {
      if (random.nextInt(6) == 0 || ot == 100) {
        nv = String.format("NV%04d", 600 + random.nextInt(400));
      }
      ot++;
      String drawing =
          String.format(
              "MK-%04d-%s-%05d",
              1000 + random.nextInt(9000),
              CODES.get(random.nextInt(CODES.size())),
              random.nextInt(100_000));
      int spoolsInDrawing = 1 + random.nextInt(8);
      String cliente = CLIENTES.get(random.nextInt(CLIENTES.size()));
      for (int s = 1; s <= spoolsInDrawing && drafts.size() < count; s++) {
        String tag = String.format("%s-%03d", drawing, s);
        if (!tags.add(tag)) {
          continue;
        }
        LocalDate materiales =
            random.nextInt(50) == 0 ? null : today.minusDays(30 + random.nextInt(61));
        drafts.add(new Object[] {tag, materiales, nv, String.valueOf(ot), drawing, cliente});
      }
    }
    Map<Integer, Target> targets = targets(drafts, random);
    List<Spool> spools = new ArrayList<>(count);
    for (int i = 0; i < drafts.size(); i++) {
      Object[] d = drafts.get(i);
      LocalDate materiales = (LocalDate) d[1];
      spools.add(
          new Spool(
              (String) d[0],
              materiales,
              targets.getOrDefault(i, Target.LIBRE),
              row(i + 1, d, materiales, today, random)));
    }
    return new DemoShop(spools, workers);
  }

  /**
   * Exact counts per state, scaled from the 200-spool mix, spread at random over the spools that
   * have materials (a spool without {@code Fecha_Materiales} cannot be taken, so stays free).
   */
  private static Map<Integer, Target> targets(List<Object[]> drafts, Random random) {
    List<Integer> takeable = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i)[1] != null) {
        takeable.add(i);
      }
    }
    Collections.shuffle(takeable, random);
    Map<Integer, Target> targets = new LinkedHashMap<>();
    int next = 0;
    for (Target target : Target.values()) {
      if (target == Target.LIBRE) {
        continue;
      }
      long wanted = Math.round(drafts.size() * target.per200 / 200.0);
      for (int n = 0; n < wanted && next < takeable.size(); n++) {
        targets.put(takeable.get(next++), target);
      }
    }
    return targets;
  }

  private static List<Object> row(
      int id, Object[] d, @Nullable LocalDate materiales, LocalDate today, Random random) {
    String tag = (String) d[0];
    LocalDate base = materiales != null ? materiales : today.minusDays(20);
    LocalDate ingenieria = base.minusDays(7 + random.nextInt(24));
    double diam = DIAMETROS.get(random.nextInt(DIAMETROS.size()));
    int uniones = 1 + random.nextInt(10);
    List<Object> row = new ArrayList<>(ShopSheets.OPERACIONES_STAGING.size());
    for (String header : ShopSheets.OPERACIONES_STAGING) {
      row.add(
          switch (header) {
            case "id" -> id;
            case "NV" -> d[2];
            case "OT" -> d[3];
            case "CT" -> String.valueOf((char) ('A' + random.nextInt(4)));
            case "ITEM" -> String.format("%03d", 1 + random.nextInt(200));
            case "SPLIT" -> "1";
            case "TAG_SPOOL" -> tag;
            case "STATUS_NV" -> "ABIERTA";
            case "Status_Spool" -> "EN_PROCESO";
            case "Ubicación" -> "Taller";
            case "Cliente" -> d[5];
            case "OC" -> "OC-" + (4500 + Math.floorMod(d[2].hashCode(), 500));
            case "PLANO_KRONOS N°" -> d[4];
            case "Rev." -> String.valueOf(random.nextInt(3));
            case "Prioridad" -> random.nextInt(10) == 0 ? "ALTA" : "NORMAL";
            case "Fecha_Compromiso" -> base.plusDays(45).format(SHEET_DATE);
            case "DIAM" -> diam;
            case "PD_Soldadura" -> Math.round(diam * uniones * 100) / 100.0;
            case "Peso_Kg" -> Math.round((5 + random.nextDouble() * 240) * 10) / 10.0;
            case "Area_m2" -> Math.round((0.2 + random.nextDouble() * 6) * 100) / 100.0;
            case "Tipo Armado" -> "SPOOL";
            case "Tipo_NDT" -> random.nextInt(3) == 0 ? "RX" : "PT";
            case "Tipo_PH" -> "HIDRO";
            case "Tipo_Pintura" -> random.nextBoolean() ? "EPOXI" : "";
            case "Tipo_Embalaje" -> "PALLET";
            case "Fecha_Ingenieria" -> ingenieria.format(SHEET_DATE);
            case "Fecha_Materiales" -> materiales == null ? "" : materiales.format(SHEET_DATE);
            case "Total_Uniones" -> uniones;
            default -> "";
          });
    }
    return row;
  }

  /**
   * 50 workers (domain facts 3.3, 11): Juan Pérez (94), Ana Bravo (12) and María Rojas (93) of the
   * walk-throughs, the rest with ids from 10 upwards; two inactive; most are Armador and/or
   * Soldador, a few Ayudante and Metrologia.
   */
  private static List<Worker> demoWorkers() {
    Map<Integer, Worker> workers = new LinkedHashMap<>();
    workers.put(94, new Worker(94, "Juan", "Pérez", true, List.of("Armador")));
    workers.put(12, new Worker(12, "Ana", "Bravo", true, List.of("Armador", "Soldador")));
    // The README's metrology walk-through: the tablets send her token, MR(93).
    workers.put(93, new Worker(93, "María", "Rojas", true, List.of("Metrologia")));
    for (int id = 10; workers.size() < 50; id++) {
      workers.putIfAbsent(
          id,
          new Worker(
              id,
              NOMBRES.get((id * 7) % NOMBRES.size()),
              APELLIDOS.get((id * 11) % APELLIDOS.size()),
              id % 23 != 0,
              ROLES.get(id % ROLES.size())));
    }
    return List.copyOf(workers.values());
  }

  List<Spool> spools() {
    return spools;
  }

  List<Worker> workers() {
    return workers;
  }

  /** The spools that reach each state (for the log). */
  Map<Target, Integer> mix() {
    Map<Target, Integer> mix = new EnumMap<>(Target.class);
    spools.forEach(s -> mix.merge(s.target(), 1, Integer::sum));
    return mix;
  }

  /** A free spool with materials that seeding never touches: the walk-through's. */
  Spool walkThroughSpool() {
    return spools.stream()
        .filter(s -> s.target() == Target.LIBRE && s.materiales() != null)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no free spool with materials"));
  }

  /** The sheets of the spreadsheet: master data only, {@code Metadata} with its headers only. */
  Map<String, List<List<Object>>> sheets() {
    List<List<Object>> operaciones = new ArrayList<>(spools.size() + 1);
    operaciones.add(new ArrayList<>(ShopSheets.OPERACIONES_STAGING));
    spools.forEach(s -> operaciones.add(s.row()));
    List<List<Object>> trabajadores = new ArrayList<>();
    trabajadores.add(List.of("Id", "Nombre", "Apellido", "Activo"));
    List<List<Object>> roles = new ArrayList<>();
    roles.add(List.of("Id", "Rol", "Activo"));
    for (Worker w : workers) {
      trabajadores.add(List.of(w.id(), w.nombre(), w.apellido(), w.activo() ? "TRUE" : "FALSE"));
      w.roles().forEach(rol -> roles.add(List.of(w.id(), rol, "TRUE")));
    }
    Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    sheets.put("Operaciones", operaciones);
    sheets.put("Metadata", List.of(new ArrayList<>(ShopSheets.METADATA)));
    sheets.put("Trabajadores", trabajadores);
    sheets.put("Roles", roles);
    return sheets;
  }

  /**
   * The commands that bring {@code spool} to its target, as a shop would have sent them: ARM taken
   * by an Armador (a third of the time paused and resumed by another), completed 1-5 days after the
   * materials arrived; SOLD by a Soldador, completed 6-15 days after. Deterministic per tag.
   */
  List<Step> plan(Spool spool) {
    Random random = new Random(spool.tag().hashCode());
    List<Worker> armadores = withRole("Armador");
    List<Worker> soldadores = withRole("Soldador");
    List<Step> steps = new ArrayList<>();
    Target target = spool.target();
    if (target == Target.LIBRE || spool.materiales() == null) {
      return steps;
    }
    Worker armador = pick(armadores, random);
    steps.add(Step.occupation("tomar", armador, "ARM", null));
    if (target == Target.EN_ARM) {
      return steps;
    }
    if (random.nextInt(3) == 0) {
      Worker other = pick(armadores, random);
      steps.add(Step.occupation("pausar", armador, null, null));
      steps.add(Step.occupation("tomar", other, "ARM", null));
      armador = other;
    }
    if (target == Target.ARM_PEND) {
      steps.add(Step.occupation("pausar", armador, null, null));
      return steps;
    }
    steps.add(
        Step.occupation(
            "completar", armador, null, spool.materiales().plusDays(1 + random.nextInt(5))));
    if (target == Target.ARM_TERM) {
      return steps;
    }
    Worker soldador = pick(soldadores, random);
    steps.add(Step.occupation("tomar", soldador, "SOLD", null));
    if (target == Target.EN_SOLD) {
      return steps;
    }
    if (target == Target.SOLD_PEND) {
      steps.add(Step.occupation("pausar", soldador, null, null));
      return steps;
    }
    LocalDate soldadura = spool.materiales().plusDays(6 + random.nextInt(10));
    steps.add(Step.occupation("completar", soldador, null, soldadura));
    if (target == Target.MET_PEND || target == Target.SOLD_TERM) {
      return steps;
    }
    Worker inspector = pick(withRole("Metrologia"), random);
    LocalDate inspeccion = soldadura.plusDays(1 + random.nextInt(3));
    if (target == Target.APROBADO) {
      steps.add(Step.metrologia(inspector, "APROBADO", inspeccion));
      return steps;
    }
    int rejections =
        switch (target) {
          case BLOQUEADO -> 3;
          case RECHAZADO, EN_REPARACION -> 1 + random.nextInt(2);
          default -> throw new IllegalStateException("no quality plan for " + target);
        };
    List<Worker> repairers = withRole("Soldador");
    for (int i = 1; i <= rejections; i++) {
      steps.add(Step.metrologia(inspector, "RECHAZADO", inspeccion.plusDays(i - 1L)));
      if (i < rejections) {
        Worker repairer = pick(repairers, random);
        steps.add(Step.reparacion("tomar", repairer));
        steps.add(Step.reparacion("completar", repairer));
      }
    }
    if (target == Target.EN_REPARACION) {
      steps.add(Step.reparacion("tomar", pick(repairers, random)));
    }
    return steps;
  }

  private List<Worker> withRole(String role) {
    return workers.stream()
        .filter(w -> w.activo() && w.roles().contains(role) && w.id() != 94 && w.id() != 12)
        .toList();
  }

  private static Worker pick(List<Worker> workers, Random random) {
    return workers.get(random.nextInt(workers.size()));
  }
}
