package cl.zeues.occupation.sheets.client;

import com.google.api.client.googleapis.javanet.GoogleNetHttpTransport;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the real google-api-services-sheets client, pointed at Google or at the sheets emulator by
 * {@link SheetsClientSettings#rootUrl()}: plain HTTP for the emulator, TLS with service-account
 * credentials for Google. Retries are not the client's business: {@link SheetRequests} retries 429
 * and 5xx itself with backoff, so every retry is visible and counted.
 */
public final class SheetsClients {

  private static final Logger log = LoggerFactory.getLogger(SheetsClients.class);
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  /** Credentials would leave this machine unencrypted: the client is not built. */
  public static final class InsecureCredentialsException extends IllegalStateException {
    InsecureCredentialsException(String message) {
      super(message);
    }
  }

  private SheetsClients() {}

  /**
   * @throws InsecureCredentialsException when credentials are configured and the root URL is plain
   *     {@code http://} to a host other than this machine's loopback: the service account's bearer
   *     tokens would cross the network readable by anyone on the path
   */
  public static Sheets create(SheetsClientSettings settings)
      throws IOException, GeneralSecurityException {
    NetHttpTransport transport =
        settings.rootUrl().startsWith("https://")
            ? GoogleNetHttpTransport.newTrustedTransport()
            : new NetHttpTransport();
    HttpRequestInitializer credentials = credentials(settings);
    int timeout = (int) settings.requestTimeout().toMillis();
    HttpRequestInitializer initializer =
        request -> {
          if (credentials != null) {
            credentials.initialize(request);
          }
          request.setConnectTimeout(timeout);
          request.setReadTimeout(timeout);
        };
    return new Sheets.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
        .setRootUrl(settings.rootUrl())
        .setApplicationName(settings.applicationName())
        .build();
  }

  /**
   * Whether credentials may be sent to {@code rootUrl}: over TLS, or over plain HTTP only to this
   * machine's loopback (the emulator). Judged on the URL's text, without a DNS lookup.
   */
  static boolean carriesCredentialsSafely(String rootUrl) {
    URI uri;
    try {
      uri = new URI(rootUrl);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme.equals("https")
        || (scheme.equals("http")
            && (host.equals("localhost")
                || host.equals("[::1]")
                || LOOPBACK_V4.matcher(host).matches()));
  }

  private static @Nullable HttpRequestInitializer credentials(SheetsClientSettings settings)
      throws IOException {
    String file = settings.credentialsFile();
    if (file == null || file.isBlank()) {
      file = System.getenv("GOOGLE_APPLICATION_CREDENTIALS");
    }
    if (file == null || file.isBlank()) {
      log.info(
          "no Google credentials configured: talking to {} unauthenticated", settings.rootUrl());
      return null;
    }
    if (!carriesCredentialsSafely(settings.rootUrl())) {
      throw new InsecureCredentialsException(
          "refusing to send the Google credentials of "
              + file
              + " over plain http to "
              + settings.rootUrl()
              + ": use an https:// root URL, or http:// only to a loopback address (127.0.0.1,"
              + " localhost, ::1) such as the local sheets emulator");
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      GoogleCredentials credentials =
          GoogleCredentials.fromStream(in).createScoped(List.of(SheetsScopes.SPREADSHEETS));
      log.info("using Google service-account credentials from {}", file);
      return new HttpCredentialsAdapter(credentials);
    }
  }
}
