package cl.zeues.occupation.sheetsemulator.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulator's one JSON mapper and the conversion of JSON cell values to Java values. */
public final class Json {

  /**
   * Leaves out nulls, zeros, false and empty lists like Google's proto3 JSON; keeps numbers exact
   * as BigDecimal so {@code 0.1} written comes back {@code 0.1}.
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_DEFAULT))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private Json() {}

  /** A cell value as sent by a client: String, BigDecimal, Boolean or {@code null}. */
  public static @Nullable Object cellValue(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return new BigDecimal(node.numberValue().toString());
    }
    if (node.isString()) {
      return node.stringValue();
    }
    throw new IllegalArgumentException("not a cell value: " + node);
  }

  /** A {@code values} array of arrays, each inner entry a {@link #cellValue}. */
  public static List<List<@Nullable Object>> valueRows(@Nullable JsonNode values) {
    List<List<@Nullable Object>> rows = new ArrayList<>();
    if (values == null || values.isNull() || values.isMissingNode()) {
      return rows;
    }
    if (!values.isArray()) {
      throw new IllegalArgumentException("values must be an array of arrays");
    }
    for (JsonNode row : values) {
      List<@Nullable Object> cells = new ArrayList<>();
      if (row.isArray()) {
        for (JsonNode cell : row) {
          cells.add(cellValue(cell));
        }
      } else if (!row.isNull()) {
        throw new IllegalArgumentException("values must be an array of arrays");
      }
      rows.add(cells);
    }
    return rows;
  }
}
