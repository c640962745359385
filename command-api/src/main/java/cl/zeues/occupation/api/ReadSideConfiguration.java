package cl.zeues.occupation.api;

import cl.zeues.occupation.api.occupation.AnsweredVersions;
import cl.zeues.occupation.views.model.OccupationViews;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the read model which version each 200 carried, for the caller's next read. */
@Configuration(proxyBeanMethods = false)
class ReadSideConfiguration {

  @Bean
  AnsweredVersions answeredVersions(OccupationViews views) {
    return views::answered;
  }
}
