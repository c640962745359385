package cl.zeues.occupation.projector.catalog;

/**
 * Reading the sheets or talking to Kafka failed (429, 5xx, a timeout, a broker away): the import
 * run fails as a whole, publishes nothing more, and the next run starts over.
 */
public class CatalogImportException extends RuntimeException {

  public CatalogImportException(String message) {
    super(message);
  }

  public CatalogImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
