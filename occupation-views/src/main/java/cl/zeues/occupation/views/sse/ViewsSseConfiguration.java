package cl.zeues.occupation.views.sse;

import cl.zeues.occupation.views.ViewSettings;
import cl.zeues.occupation.views.model.Catalogs;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolRow;
import cl.zeues.occupation.views.web.Bodies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The live stream: its hub (a listener of the view) and its route. */
@Configuration(proxyBeanMethods = false)
public class ViewsSseConfiguration {

  @Bean(destroyMethod = "closeAll")
  SseHub occupationViewsSseHub(ViewSettings settings, Catalogs catalogs, JsonMapper json) {
    ViewSettings.Sse sse = settings.sse();
    return new SseHub(
        sse.maxConnections(),
        sse.bufferSize(),
        sse.replaySize(),
        sse.heartbeat(),
        sse.reconnectAfter(),
        update ->
            json.writeValueAsString(
                Bodies.update(
                    update.event,
                    // the catalog as it is now, never waited for: one copy per update, rendered
                    // once
                    new SpoolRow(update.view, catalogs.spools().get(update.view.tagSpool())))));
  }

  @Bean
  SseController occupationViewsSseController(
      SseHub occupationViewsSseHub, OccupationViews views, ViewSettings settings) {
    return new SseController(occupationViewsSseHub, views, settings.sse().maxConnectionAge());
  }
}
