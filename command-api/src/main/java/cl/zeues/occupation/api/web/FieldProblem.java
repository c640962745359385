package cl.zeues.occupation.api.web;

/** One thing wrong with a request: the JSON field (snake_case, as the client sent it) and why. */
public record FieldProblem(String field, String message) {

  /** {@code tagSpools[3]} becomes {@code tag_spools[3]}: clients know the wire names. */
  public static String wireName(String javaPath) {
    StringBuilder out = new StringBuilder(javaPath.length() + 4);
    for (int i = 0; i < javaPath.length(); i++) {
      char c = javaPath.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
