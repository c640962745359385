package cl.zeues.occupation.views.sse;

import cl.zeues.occupation.views.ViewSettings;
import cl.zeues.occupation.views.model.Catalogs;
import cl.zeues.occupation.views.model.OccupationViews;
import cl.zeues.occupation.views.model.SpoolRow;
import cl.zeues.occupation.views.web.Bodies;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The live stream: its hub (a listener of the view) and its route. */
@Configuration(proxyBeanMethods = false)
public class ViewsSseConfiguration {

  @Bean
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

  /**
   * Ends every stream when the application stops, before the web server's graceful shutdown (which
   * would otherwise wait its whole grace period for connections that never end by themselves).
   */
  @Bean
  SmartLifecycle occupationViewsSseShutdown(SseHub occupationViewsSseHub) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        running = false;
        occupationViewsSseHub.closeAll();
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        // stops before the graceful shutdown (DEFAULT_PHASE - 1024) and before the feed
        return SmartLifecycle.DEFAULT_PHASE;
      }
    };
  }

  @Bean
  SseController occupationViewsSseController(
      SseHub occupationViewsSseHub, OccupationViews views, ViewSettings settings) {
    return new SseController(occupationViewsSseHub, views, settings.sse().maxConnectionAge());
  }
}
