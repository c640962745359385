package cl.zeues.occupation.views.web;

import cl.zeues.occupation.views.model.SpoolQueries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read routes, their problem handler and the board page. */
@Configuration(proxyBeanMethods = false)
public class ViewsWebConfiguration {

  @Bean
  SpoolListsController occupationViewsSpoolLists(SpoolQueries queries) {
    return new SpoolListsController(queries);
  }

  @Bean
  OccupationReadsController occupationViewsReads(SpoolQueries queries) {
    return new OccupationReadsController(queries);
  }

  /** Off with {@code zeues.views.status-route=false} while the host still serves the path. */
  @Bean
  @ConditionalOnProperty(
      prefix = "zeues.views",
      name = "status-route",
      havingValue = "true",
      matchIfMissing = true)
  SpoolStatusController occupationViewsStatus(SpoolQueries queries) {
    return new SpoolStatusController(queries);
  }

  @Bean
  BoardPage occupationViewsBoardPage() {
    return new BoardPage();
  }

  @Bean
  ViewsProblemHandler occupationViewsProblemHandler() {
    return new ViewsProblemHandler();
  }
}
