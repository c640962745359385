package cl.zeues.occupation.projector.sheets;

import cl.zeues.occupation.sheets.client.SheetsClients;
import com.google.api.services.sheets.v4.Sheets;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real google-api-services-sheets client, pointed at Google or at the sheets emulator by {@link
 * SheetsSettings#rootUrl()}, shared by the projection and the catalog import.
 */
@Configuration(proxyBeanMethods = false)
class SheetsClientConfiguration {

  @Bean
  Sheets sheets(SheetsSettings settings) throws IOException, GeneralSecurityException {
    return SheetsClients.create(settings.clientSettings());
  }
}
