package cl.zeues.occupation.benchmarks.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpoolTagsTest {

  /** The command-api's tag rule (RequestRules.TAG). */
  private static final String API_TAG = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  /** The shop's own shape, as the local stack's demo shop writes it. */
  private static final String SHOP_TAG = "^MK-\\d{4}-[A-Z]{2}-\\d{5}-\\d{3}$";

  @Test
  void tagsHaveTheShopsShapeAndPassTheApisRule() {
    SpoolTags tags = SpoolTags.draw(new Random(3), 20);

    assertThat(tags.tags()).hasSize(20).doesNotHaveDuplicates();
    assertThat(tags.tags()).allMatch(tag -> tag.matches(SHOP_TAG) && tag.matches(API_TAG));
    assertThat(tags.tags()).allMatch(tag -> tag.startsWith(tags.prefix() + "-"));
  }

  @Test
  void eightSpoolsShareADrawing() {
    SpoolTags tags = SpoolTags.of("MK-1234-QX", 10);

    assertThat(tags.tags().get(0)).isEqualTo("MK-1234-QX-00000-001");
    assertThat(tags.tags().get(7)).isEqualTo("MK-1234-QX-00000-008");
    assertThat(tags.tags().get(8)).isEqualTo("MK-1234-QX-00001-001");
  }

  @Test
  void runsDrawDifferentPrefixes() {
    Random random = new Random(9);

    assertThat(SpoolTags.draw(random, 1).prefix()).isNotEqualTo(SpoolTags.draw(random, 1).prefix());
  }

  @Test
  void theSpoolCountIsBounded() {
    assertThatThrownBy(() -> SpoolTags.of("MK-1234-QX", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
