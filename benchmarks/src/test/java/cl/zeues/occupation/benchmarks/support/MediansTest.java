package cl.zeues.occupation.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    assertThat(Medians.of(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
  }

  @Test
  void figuresAreTakenOneByOneAndAMissingFigureIsLeftOut() {
    Map<String, Double> medians =
        Medians.ofFigures(
            List.of(
                Map.of("p50", 1.0, "p99", 10.0),
                Map.of("p50", 3.0),
                Map.of("p50", 2.0, "p99", 30.0)));

    assertThat(medians).containsEntry("p50", 2.0).containsEntry("p99", 20.0);
  }
}
