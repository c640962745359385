package cl.zeues.occupation.sheetsemulator.http;

import cl.zeues.occupation.sheetsemulator.faults.FaultInjector;
import cl.zeues.occupation.sheetsemulator.grid.GoogleApiException;
import cl.zeues.occupation.sheetsemulator.store.SpreadsheetStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single entry point: routes to the Sheets API or the admin endpoints and turns every failure
 * into a Google JSON error, never a stack trace.
 */
public final class EmulatorHttpHandler implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(EmulatorHttpHandler.class.getName());

  private final SheetsApiRoutes api;
  private final AdminRoutes admin;
  private final SpreadsheetStore store;

  public EmulatorHttpHandler(SpreadsheetStore store, FaultInjector faults) {
    this.store = store;
    this.api = new SheetsApiRoutes(store, faults);
    this.admin = new AdminRoutes(store, faults);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (GoogleApiException e) {
        Exchanges.sendError(exchange, e);
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "failed " + exchange.getRequestMethod() + " " + exchange.getRequestURI(),
            e);
        Exchanges.sendError(
            exchange,
            new GoogleApiException(500, "INTERNAL", "backendError", "Internal error encountered."));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals(SheetsApiRoutes.PREFIX) || path.startsWith(SheetsApiRoutes.PREFIX + "/")) {
      api.handle(exchange, path);
    } else if (path.equals("/") && exchange.getRequestMethod().equals("GET")) {
      Exchanges.sendHtml(exchange, HtmlPage.render(store.all()));
    } else if (path.equals(AdminRoutes.PREFIX) || path.startsWith(AdminRoutes.PREFIX + "/")) {
      admin.handle(exchange, path);
    } else {
      throw SheetsApiRoutes.unknownRoute();
    }
  }
}
