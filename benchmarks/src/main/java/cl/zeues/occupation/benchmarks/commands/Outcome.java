package cl.zeues.occupation.benchmarks.commands;

import cl.zeues.occupation.events.CommandReply;
import cl.zeues.occupation.events.JsonCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one request ended, as a stable code: {@code ACEPTADO}, a {@code RejectionReason} name (what
 * the API puts in a problem's {@code code}), or what went wrong on the way.
 */
final class Outcome {

  static final String ACCEPTED = ShopFloor.ACCEPTED;
  static final String CONFLICT = "SPOOL_OCCUPIED";

  /** 202: the API's reply wait ran out; the command is published, its answer unknown. */
  static final String PENDING = "PENDIENTE";

  /** The driver stopped waiting for an answer. */
  static final String TIMEOUT = "TIMEOUT";

  /** The request failed on the way (connection, publish). */
  static final String ERROR = "ERROR";

  /** The baseline relay answered (it decides nothing). */
  static final String RELAYED = "RELAYED";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Outcome() {}

  /** The code of an HTTP answer: 200 is accepted, a problem carries its own {@code code}. */
  static String ofHttp(int status, String body) {
    if (status == 200) {
      return ACCEPTED;
    }
    if (status == 202) {
      return PENDING;
    }
    try {
      JsonNode code = JSON.readTree(body).get("code");
      if (code != null && code.isString()) {
        return code.asString();
      }
    } catch (RuntimeException e) {
      // Not a problem document: the status says all there is.
    }
    return "HTTP_" + status;
  }

  /** The code of a processor reply read from {@code occupation.replies}. */
  static String ofReply(JsonCodec codec, byte[] reply) {
    try {
      return switch (codec.read(reply, CommandReply.class)) {
        case CommandReply.Accepted a -> ACCEPTED;
        case CommandReply.Rejected r -> r.reason().name();
      };
    } catch (JsonCodec.MalformedRecordException e) {
      return ERROR;
    }
  }

  /** Whether the answer leaves the expected outcome undecided rather than contradicting it. */
  static boolean inconclusive(String outcome) {
    return outcome.equals(PENDING) || outcome.equals(TIMEOUT) || outcome.equals(ERROR);
  }
}
