package cl.zeues.occupation.projector.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogChangesTest {

  static Map<String, String> catalog(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  @Test
  void newAndChangedEntriesAreUpsertsAndUnchangedOnesAreNot() {
    var changes =
        CatalogChanges.between(
            catalog("A", "1", "B", "2", "C", "3"),
            catalog("A", "1", "B", "20", "C", "3", "D", "4"),
            0.5);

    assertThat(changes.upserts()).isEqualTo(catalog("B", "20", "D", "4"));
    assertThat(changes.tombstones()).isEmpty();
    assertThat(changes.refusedTombstones()).isEmpty();
  }

  @Test
  void entriesGoneFromTheSheetAreTombstones() {
    var changes =
        CatalogChanges.between(
            catalog("A", "1", "B", "2", "C", "3"), catalog("A", "1", "B", "2"), 0.5);

    assertThat(changes.upserts()).isEmpty();
    assertThat(changes.tombstones()).containsExactly("C");
  }

  @Test
  void identicalCatalogsChangeNothing() {
    var changes = CatalogChanges.between(catalog("A", "1"), catalog("A", "1"), 0.5);

    assertThat(changes.isEmpty()).isTrue();
  }

  @Test
  void firstImportUpsertsEverything() {
    var changes = CatalogChanges.between(Map.of(), catalog("A", "1", "B", "2"), 0.5);

    assertThat(changes.upserts()).containsOnlyKeys("A", "B");
    assertThat(changes.tombstones()).isEmpty();
  }

  @Test
  void wipeGuardRefusesRemovingMoreThanTheFraction() {
    var changes =
        CatalogChanges.between(
            catalog("A", "1", "B", "2", "C", "3"), catalog("A", "1", "D", "4"), 0.5);

    assertThat(changes.tombstones()).isEmpty();
    assertThat(changes.refusedTombstones()).containsExactly("B", "C");
    assertThat(changes.upserts()).containsOnlyKeys("D");
  }

  @Test
  void anEmptySheetNeverWipesTheCatalog() {
    var changes = CatalogChanges.between(catalog("A", "1", "B", "2"), Map.of(), 0.5);

    assertThat(changes.isEmpty()).isTrue();
    assertThat(changes.refusedTombstones()).containsExactly("A", "B");
  }

  @Test
  void removingExactlyTheFractionIsAllowed() {
    var changes = CatalogChanges.between(catalog("A", "1", "B", "2"), catalog("A", "1"), 0.5);

    assertThat(changes.tombstones()).containsExactly("B");
  }

  @Test
  void fractionOneTurnsTheGuardOffAndZeroForbidsEveryRemoval() {
    assertThat(
            CatalogChanges.between(catalog("A", "1"), Map.<String, String>of(), 1.0).tombstones())
        .containsExactly("A");
    assertThat(
            CatalogChanges.between(catalog("A", "1", "B", "2"), catalog("A", "1"), 0.0)
                .refusedTombstones())
        .containsExactly("B");
  }

  @Test
  void applyToGivesWhatTheTopicHoldsAfterwards() {
    Map<String, String> before = catalog("A", "1", "B", "2", "C", "3");
    var changes = CatalogChanges.between(before, catalog("A", "10", "B", "2", "D", "4"), 0.5);

    assertThat(changes.applyTo(before)).isEqualTo(catalog("A", "10", "B", "2", "D", "4"));
  }
}
