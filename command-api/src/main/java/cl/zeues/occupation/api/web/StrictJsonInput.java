package cl.zeues.occupation.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written, not guessed at. Jackson's defaults would turn {@code
 * "worker_id": 1.5} into worker 1, {@code "tag_spool": 12345} or {@code true} into a tag, and take
 * the last of two {@code tag_spool} keys (which a proxy or a log reader may see as the first): each
 * of those would publish a command the client did not mean. Here they are 400 problems instead.
 * Numbers written as strings ({@code "94"}) stay accepted.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInput {

  @Bean
  JsonMapperBuilderCustomizer strictJsonInputCustomizer() {
    return StrictJsonInput::apply;
  }

  /** Applies the rules to a builder (the application's, or a test's built by hand). */
  public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
    return builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(
            LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
