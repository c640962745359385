package cl.zeues.occupation.api.web;

import cl.zeues.occupation.events.CommandReply;

/**
 * Carries a processor's rejection to {@link ApiProblemHandler}, so the one place that maps codes to
 * HTTP statuses also maps rejections. A rejection is a normal outcome; this is only transport.
 */
public class CommandRejectedException extends RuntimeException {

  private final CommandReply.Rejected reply;

  public CommandRejectedException(CommandReply.Rejected reply) {
    super(reply.reason() + ": " + reply.message(), null, false, false);
    this.reply = reply;
  }

  public CommandReply.Rejected reply() {
    return reply;
  }
}
