package cl.zeues.occupation.api.web;

import org.springframework.http.HttpStatus;

/** A request refused at the HTTP edge (e.g. a missing admin token), with its stable code. */
public class ApiProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public ApiProblemException(HttpStatus status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
