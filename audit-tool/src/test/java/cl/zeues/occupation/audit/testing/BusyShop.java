package cl.zeues.occupation.audit.testing;

import cl.zeues.occupation.domain.Estado;
import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.OccupationEvent;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A long, realistic history for throughput runs: {@code spools} spools worked by 50 workers, every
 * decision made by the domain; a spool whose ARM and SOLD are both done is replaced by a new tag.
 */
public final class BusyShop {

  private final Random random;
  private final ShopHistory shop;
  private final List<Worker> workers = new ArrayList<>();
  private final String[] tags;
  private int nextTag;

  public BusyShop(long seed, int spools, Instant start) {
    this.random = new Random(seed);
    this.shop = new ShopHistory(seed, start);
    for (int id = 10; id < 60; id++) {
      workers.add(Worker.of(id, "Trabajador" + id + " Apellido" + id));
    }
    tags = new String[spools];
    for (int i = 0; i < spools; i++) {
      tags[i] = newTag();
    }
  }

  /** Runs decisions until at least {@code events} events were recorded; hands each decision on. */
  public long run(long events, Consumer<List<OccupationEvent>> decisions) {
    long recorded = 0;
    while (recorded < events) {
      int slot = random.nextInt(tags.length);
      String tag = tags[slot];
      SpoolState state = shop.state(tag);
      shop.after(Duration.ofSeconds(1 + random.nextInt(60)));
      List<OccupationEvent> decided;
      var occupation = state.occupation();
      if (occupation == null) {
        Operacion next =
            state.arm().estado() != Estado.COMPLETADO
                ? Operacion.ARM
                : state.sold().estado() != Estado.COMPLETADO ? Operacion.SOLD : null;
        if (next == null) {
          tags[slot] = newTag();
          continue;
        }
        decided = shop.tomar(tag, workers.get(random.nextInt(workers.size())), next);
      } else {
        int roll = random.nextInt(100);
        Worker occupant = occupation.worker();
        if (roll < 75) {
          decided = shop.pausar(tag, occupant);
        } else if (roll < 80
            && !(occupation.operacion() == Operacion.ARM && state.sold().trabajador() != null)) {
          decided = shop.cancelar(tag, occupant);
        } else {
          decided = shop.completar(tag, occupant);
        }
      }
      shop.forget();
      recorded += decided.size();
      decisions.accept(decided);
    }
    return recorded;
  }

  private String newTag() {
    int n = nextTag++;
    return "MK-%04d-CW-%05d-%03d".formatted(1000 + n % 9000, n / 1000, n % 1000);
  }
}
