package cl.zeues.occupation.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the command API. */
@SpringBootApplication
public class CommandApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommandApiApplication.class, args);
  }
}
