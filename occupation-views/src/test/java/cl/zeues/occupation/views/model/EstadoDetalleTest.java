package cl.zeues.occupation.views.model;

import static org.assertj.core.api.Assertions.assertThat;

import cl.zeues.occupation.domain.SpoolState;
import cl.zeues.occupation.events.Operacion;
import cl.zeues.occupation.events.Worker;
import cl.zeues.occupation.views.testing.ShopLog;
import org.junit.jupiter.api.Test;

class EstadoDetalleTest {

  @Test
  void readsAsTheSheetWritesIt() {
    ShopLog log = new ShopLog(1);
    String tag = "MK-3001-CW-00001-001";
    log.tomar(tag, Worker.of(94, "Juan Perez"), Operacion.ARM);
    assertThat(EstadoDetalle.of(log.state(tag)))
        .isEqualTo("JP(94) trabajando ARM (ARM en progreso, SOLD pendiente)");

    log.pausar(tag, Worker.of(94, "Juan Perez"));
    assertThat(EstadoDetalle.of(log.state(tag)))
        .isEqualTo("Disponible - ARM pausado, SOLD pendiente");
    assertThat(EstadoDetalle.of(SpoolState.initial(tag)))
        .isEqualTo("Disponible - ARM pendiente, SOLD pendiente");
  }
}
