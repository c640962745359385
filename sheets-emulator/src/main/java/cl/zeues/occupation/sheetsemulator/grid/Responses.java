package cl.zeues.occupation.sheetsemulator.grid;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Sheets v4 response bodies the value operations produce, field for field. Zero numbers, nulls
 * and empty lists are left out when serialized, as Google's proto3 JSON does.
 */
public final class Responses {

  private Responses() {}

  public record ValueRange(String range, String majorDimension, List<List<Object>> values) {}

  public record UpdateValuesResponse(
      String spreadsheetId,
      String updatedRange,
      int updatedRows,
      int updatedColumns,
      int updatedCells,
      @Nullable ValueRange updatedData) {}

  public record AppendValuesResponse(
      String spreadsheetId, @Nullable String tableRange, UpdateValuesResponse updates) {}

  public record ClearValuesResponse(String spreadsheetId, String clearedRange) {}
}
