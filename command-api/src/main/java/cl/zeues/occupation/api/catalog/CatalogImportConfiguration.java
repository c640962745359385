package cl.zeues.occupation.api.catalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link CatalogImportSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogImportSettings.class)
class CatalogImportConfiguration {}
