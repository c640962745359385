package cl.zeues.occupation.api.web;

import java.util.List;

/** The request is malformed; answered 400 {@code SOLICITUD_INVALIDA} listing every problem. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super("invalid request: " + problems);
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
