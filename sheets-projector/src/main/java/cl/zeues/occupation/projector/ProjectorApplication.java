package cl.zeues.occupation.projector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProjectorApplication {

  /**
   * The projector's own config file name ({@code sheets-projector.yml}), so it can share a JVM and
   * a classpath with the other services (local stack, system tests).
   */
  public static final String CONFIG_NAME = "spring.config.name=sheets-projector";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ProjectorApplication.class).properties(CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
