package cl.zeues.occupation.sheetsemulator.a1;

/** The text is not valid A1 notation. */
public final class A1ParseException extends RuntimeException {

  public A1ParseException(String text) {
    super("Unable to parse range: " + text);
  }
}
