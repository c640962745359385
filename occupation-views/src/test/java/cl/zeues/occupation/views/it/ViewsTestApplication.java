package cl.zeues.occupation.views.it;

import cl.zeues.occupation.views.OccupationViewsConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** The smallest host of the read side: what the command-api does with one {@code @Import}. */
@SpringBootApplication
@Import(OccupationViewsConfiguration.class)
public class ViewsTestApplication {

  /** Starts the app on a free port against {@code brokers}; {@code properties} add or override. */
  public static ConfigurableApplicationContext start(String brokers, String... properties) {
    List<String> all = new ArrayList<>();
    all.add("spring.config.name=occupation-views-it");
    all.add("server.port=0");
    all.add("spring.threads.virtual.enabled=true");
    all.add("spring.kafka.bootstrap-servers=" + brokers);
    all.add("management.endpoints.web.exposure.include=health,metrics");
    all.add("management.endpoint.health.show-details=always");
    all.add("management.endpoint.health.probes.enabled=true");
    all.add("management.endpoint.health.group.readiness.include=readinessState,occupationViews");
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(ViewsTestApplication.class)
        .properties(all.toArray(String[]::new))
        .run();
  }

  public static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
