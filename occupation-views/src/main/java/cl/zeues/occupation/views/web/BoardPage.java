package cl.zeues.occupation.views.web;

import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shop-floor board, a static page in {@code static/tablero/} (plain HTML and JavaScript, no
 * build step), at {@code /tablero/}: outside {@code /api/**}, it reads {@code
 * /api/dashboard/occupied}, {@code /api/workers} and {@code /api/sse/stream} like any other client.
 */
class BoardPage implements WebMvcConfigurer {

  static final String PATH = "/tablero/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/tablero", PATH);
    registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
  }
}
