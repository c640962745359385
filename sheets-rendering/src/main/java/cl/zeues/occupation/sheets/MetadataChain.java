package cl.zeues.occupation.sheets;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tamper-evident chain of the {@code Metadata} sheet: every row carries, in its {@code Hash}
 * column, a SHA-256 over its own 11 content cells and the {@code Hash} of the row directly above
 * it. Editing one cell, erasing a hash, or removing or inserting a row breaks the chain at that
 * row, and {@link #check} names it.
 *
 * <pre>
 * Hash     = lowercase hex of SHA-256( N(ID) N(Timestamp) N(Evento_Tipo) N(TAG_SPOOL) N(Worker_ID)
 *            N(Worker_Nombre) N(Operacion) N(Accion) N(Fecha_Operacion) N(Metadata_JSON) N(N_UNION)
 *            previous )
 * N(cell)  = the UTF-8 byte length of text(cell) in decimal ASCII, ':', the UTF-8 bytes of
 *            text(cell), ','   (a netstring)
 * text     = the cell as written (RAW): text as is; a number in plain decimal without trailing
 *            zeros (94, never 94.0); an empty or absent cell ""
 * previous = the text of the Hash cell of the row directly above, as UTF-8 (64 hex characters as
 *            this system writes them); {@link #GENESIS} (64 '0') for the first row under the header
 *            and for a row under one without a Hash
 * </pre>
 *
 * Length-prefixed fields need no separator and no escaping: no two different rows have the same
 * canonical form, whatever their cells hold. Cells are found by header name, so moving columns does
 * not break the chain. Rows written before the chain existed have no {@code Hash}: the chain starts
 * at the first hashed row (chained after {@link #GENESIS}), and the unhashed rows above it are
 * counted, not reported as breaks.
 *
 * <p>What the chain proves, and what it does not: anyone editing the sheet without recomputing
 * every hash below the edit is caught, at the edited row. The hash has no key, so someone who does
 * recompute them is not; nor is the removal of the last rows (the chain's head moves up). Both are
 * caught by comparing with the log ({@code diff-sheets}), and the head ({@link Check#head()}) can
 * be written down elsewhere to pin the chain.
 */
public final class MetadataChain {

  /** The {@code previous} of the first hashed row. */
  public static final String GENESIS = "0".repeat(64);

  /** How many rows above a broken row are tried to find the row its hash was chained after. */
  static final int LINK_SEARCH_ROWS = 2_000;

  /** How many breaks get that search (each costs up to {@link #LINK_SEARCH_ROWS} hashes). */
  static final int LINK_SEARCHES = 100;

  private MetadataChain() {}

  /**
   * The {@code Hash} of a row whose content cells are {@code cells} (by header name; other keys are
   * ignored), chained after {@code previous}.
   */
  public static String hash(Map<String, ?> cells, String previous) {
    MessageDigest sha256 = sha256();
    sha256.update(canonical(cells));
    sha256.update(previous.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The row's content as hashed: one netstring per content column, in header order. */
  static byte[] canonical(Map<String, ?> cells) {
    StringBuilder out = new StringBuilder(512);
    for (String column : MetadataRow.HEADERS) {
      String text = text(cells.get(column));
      out.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text).append(',');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A cell as the chain reads it: the same text whether it is the value written ({@code Integer
   * 94}) or the value read back unformatted ({@code BigDecimal 94}).
   */
  public static String text(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return number.toString(); // NaN, Infinity
      }
    }
    return value.toString();
  }

  /**
   * What a row appended under a row whose {@code Hash} cell holds {@code hashCell} chains after:
   * that text, or {@link #GENESIS} when the cell is empty (the header row, a row from before the
   * chain).
   */
  public static String after(@Nullable Object hashCell) {
    String text = text(hashCell);
    return text.isEmpty() ? GENESIS : text;
  }

  /**
   * {@code rows} (content cells by header name), in the order they are appended, each with its
   * {@code Hash} put, the first chained after {@code previous} and each next one after the one
   * before it.
   */
  public static List<Map<String, Object>> chain(
      List<? extends Map<String, ?>> rows, String previous) {
    List<Map<String, Object>> chained = new ArrayList<>(rows.size());
    String above = previous;
    for (Map<String, ?> row : rows) {
      Map<String, Object> withHash = new LinkedHashMap<>(row);
      above = hash(row, above);
      withHash.put(MetadataRow.HASH, above);
      chained.add(withHash);
    }
    return chained;
  }

  /**
   * A row of the sheet as read.
   *
   * @param row 1-based sheet row (2 is the first under the header)
   * @param cells its cells by header name, {@code Hash} included; empty cells may be absent
   */
  public record SheetRow(int row, Map<String, ?> cells) {}

  /** How a row breaks the chain. */
  public enum BreakKind {
    /** The stored hash is not the hash of the row's cells chained after the row above. */
    HASH_MISMATCH,
    /** A row without a hash below hashed rows (inserted by hand, or its hash erased). */
    HASH_MISSING
  }

  /**
   * A row where the chain does not hold.
   *
   * @param stored the row's {@code Hash} cell ("" when it has none)
   * @param recomputed the hash its cells give chained after the row above
   * @param chainedAfterRow for a mismatch: the earlier row whose hash the stored one is chained
   *     after instead (the row was appended by a second writer at the same time, or moved; its
   *     cells are as written), 1 for {@link #GENESIS}; null when none was found or not looked for
   */
  public record Break(
      int row,
      String id,
      BreakKind kind,
      String stored,
      String recomputed,
      @Nullable Integer chainedAfterRow,
      String detail) {}

  /**
   * The chain as read.
   *
   * @param rows rows below the header, blank rows between them included
   * @param hashedRows rows with a {@code Hash}
   * @param unhashedRows rows above the first hashed row (written before the chain existed)
   * @param breakCount rows breaking the chain (each checked against the row above it as stored, so
   *     one edited row is one break)
   * @param breaks the first of them, in sheet order
   * @param head the {@code Hash} of the last hashed row ({@link #GENESIS} when none)
   */
  public record Check(
      int rows,
      int hashedRows,
      int unhashedRows,
      long breakCount,
      List<Break> breaks,
      String head) {

    public boolean intact() {
      return breakCount == 0;
    }
  }

  /**
   * Recomputes the chain from the top. {@code rows} in sheet order; row numbers missing between
   * them are blank rows.
   *
   * @param maxBreaks breaks listed in detail (all are counted)
   */
  public static Check check(List<SheetRow> rows, int maxBreaks) {
    List<Break> breaks = new ArrayList<>();
    long breakCount = 0;
    int hashed = 0;
    int unhashed = 0;
    int searches = 0;
    boolean started = false;
    String head = GENESIS;
    String aboveHash = ""; // the Hash cell of the row directly above, as text
    Deque<String> recent = new ArrayDeque<>(); // the Hash cells of the rows above, nearest last
    int lastRow = rows.isEmpty() ? 1 : rows.getLast().row();
    int next = 0;
    for (int row = 2; row <= lastRow; row++) {
      Map<String, ?> cells = Map.of();
      if (next < rows.size() && rows.get(next).row() == row) {
        cells = rows.get(next++).cells();
      } else if (next < rows.size() && rows.get(next).row() < row) {
        throw new IllegalArgumentException("rows out of order at row " + rows.get(next).row());
      }
      String stored = text(cells.get(MetadataRow.HASH));
      String id = text(cells.get(MetadataRow.ID));
      if (stored.isEmpty()) {
        if (started) {
          breakCount++;
          if (breaks.size() < maxBreaks) {
            breaks.add(
                new Break(
                    row,
                    id,
                    BreakKind.HASH_MISSING,
                    "",
                    hash(cells, after(aboveHash)),
                    null,
                    "row "
                        + row
                        + (id.isEmpty() ? "" : " (ID " + id + ")")
                        + " has no Hash below hashed rows: a row inserted by hand, or its Hash"
                        + " erased"));
          }
        } else {
          unhashed++;
        }
      } else {
        started = true;
        hashed++;
        head = stored;
        String recomputed = hash(cells, after(aboveHash));
        if (!recomputed.equals(stored)) {
          breakCount++;
          if (breaks.size() < maxBreaks) {
            Integer linked = null;
            if (searches < LINK_SEARCHES) {
              searches++;
              linked = chainedAfter(cells, stored, recent, row);
            }
            breaks.add(
                new Break(
                    row,
                    id,
                    BreakKind.HASH_MISMATCH,
                    stored,
                    recomputed,
                    linked,
                    mismatch(row, id, linked)));
          }
        }
      }
      aboveHash = stored;
      recent.addLast(stored);
      if (recent.size() > LINK_SEARCH_ROWS) {
        recent.removeFirst();
      }
    }
    return new Check(lastRow - 1, hashed, unhashed, breakCount, List.copyOf(breaks), head);
  }

  private static String mismatch(int row, String id, @Nullable Integer linked) {
    String which = "row " + row + (id.isEmpty() ? "" : " (ID " + id + ")");
    if (linked == null) {
      return which
          + ": its Hash does not match its cells chained after row "
          + (row - 1)
          + ": a cell of this row or its Hash was changed, or rows directly above it were removed"
          + " or inserted";
    }
    return which
        + ": its Hash chains it after "
        + (linked == 1 ? "the header (an empty sheet)" : "row " + linked)
        + ", not row "
        + (row - 1)
        + ": appended by a second writer at the same time, or moved; its cells are as written";
  }

  /** The earlier row (1 for genesis) whose stored hash {@code stored} was chained after. */
  private static @Nullable Integer chainedAfter(
      Map<String, ?> cells, String stored, Deque<String> recent, int row) {
    Set<String> tried = new HashSet<>();
    int candidateRow = row;
    for (Iterator<String> above = recent.descendingIterator(); above.hasNext(); ) {
      String candidate = above.next();
      candidateRow--;
      // The row directly above was tried already, and blank cells chain after GENESIS, tried last.
      if (candidateRow < row - 1 && !candidate.isEmpty() && tried.add(candidate)) {
        if (hash(cells, candidate).equals(stored)) {
          return candidateRow;
        }
      }
    }
    if (hash(cells, GENESIS).equals(stored)) {
      return 1;
    }
    return null;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
