package cl.zeues.occupation.api.occupation;

/**
 * The command was not published: this instance already awaits the most replies it may ({@code
 * zeues.api.max-in-flight}). Nothing was published, so the client may retry shortly.
 */
public class CommandBusSaturatedException extends CommandBusUnavailableException {

  public CommandBusSaturatedException(int maxInFlight) {
    super("ya hay " + maxInFlight + " comandos esperando respuesta en esta instancia", null);
  }
}
