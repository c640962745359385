package cl.zeues.occupation.api;

import cl.zeues.occupation.views.OccupationViewsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * Starts the command API, with the read side the tablets query ({@code occupation-views}: the view
 * folded from the log, its read routes and the live stream) in the same process.
 */
@SpringBootApplication
@Import(OccupationViewsConfiguration.class)
public class CommandApiApplication {

  /**
   * The API's own config file name ({@code command-api.yml}), so it can share a JVM and a classpath
   * with the other services (local stack, system tests).
   */
  public static final String CONFIG_NAME = "spring.config.name=command-api";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(CommandApiApplication.class).properties(CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
