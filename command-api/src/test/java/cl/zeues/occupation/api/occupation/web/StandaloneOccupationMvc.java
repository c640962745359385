package cl.zeues.occupation.api.occupation.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.api.RulesSettings;
import cl.zeues.occupation.api.occupation.AnsweredVersions;
import cl.zeues.occupation.api.occupation.CommandBus;
import cl.zeues.occupation.api.occupation.CommandGateway;
import cl.zeues.occupation.api.occupation.RolePolicy;
import cl.zeues.occupation.api.security.Caller;
import cl.zeues.occupation.api.security.CallerAuthentication;
import cl.zeues.occupation.api.security.Role;
import cl.zeues.occupation.api.web.ApiProblemHandler;
import cl.zeues.occupation.api.web.RequestBodyLimitFilter;
import cl.zeues.occupation.api.web.StrictJsonInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command API's MVC layer without a Spring application context: the real controllers, {@link
 * ApiProblemHandler} advice and {@link RequestBodyLimitFilter}, wired as the application wires
 * them, with the test doubles in place of Kafka and Redis. It spares the unit tests the seconds a
 * {@code @WebMvcTest} context takes to start; the real wiring is exercised by {@code
 * OccupationRoundTripIT}.
 *
 * <p>The Spring Boot parts match the application's: the settings are bound by Boot's {@link Binder}
 * (as {@code @ConfigurationProperties} are), validation messages go through Boot's {@link
 * MessageInterpolatorFactory} (as {@code ValidationAutoConfiguration} sets it up) and the JSON
 * mapper is configured as Boot's Jackson auto-configuration configures it (see {@link
 * #bootJsonMapper()}). One difference is invisible to the tests: an unknown route ends in {@code
 * NoHandlerFoundException} here and in {@code NoResourceFoundException} in the application (Boot
 * maps static resources on {@code /**}); both are the same 404 {@code RUTA_NO_ENCONTRADA} problem.
 */
record StandaloneOccupationMvc<B extends CommandBus>(
    MockMvc mvc, B bus, FakeStatusReader store, ApiSettings settings) {

  /** The caller every request comes from unless it says otherwise: an ADMIN named "admin". */
  static final CallerAuthentication CALLER =
      new CallerAuthentication(new Caller("test-device", "admin", Role.ADMIN));

  /**
   * Builds the MVC layer with the given {@code zeues.api.*} and {@code zeues.rules.*} properties
   * and a scripted bus.
   */
  static StandaloneOccupationMvc<FakeCommandBus> start(Map<String, String> properties) {
    return start(properties, new FakeCommandBus());
  }

  /**
   * Builds the MVC layer with the given {@code zeues.api.*} and {@code zeues.rules.*} properties,
   * publishing to {@code bus}.
   */
  static <B extends CommandBus> StandaloneOccupationMvc<B> start(
      Map<String, String> properties, B bus) {
    Binder binder = new Binder(new MapConfigurationPropertySource(properties));
    ApiSettings settings = binder.bindOrCreate("zeues.api", ApiSettings.class);
    RulesSettings rules = binder.bindOrCreate("zeues.rules", RulesSettings.class);
    FakeStatusReader store = new FakeStatusReader();
    Clock clock = Clock.systemUTC();
    CommandGateway gateway =
        new CommandGateway(
            bus,
            store,
            new FakeWorkerDirectory(),
            new RolePolicy(rules.enforceRoles()),
            clock,
            settings.replyTimeout(),
            new SimpleMeterRegistry(),
            AnsweredVersions.NONE);
    LocalValidatorFactoryBean validator = validator();

    // The filter answers 413 through the dispatcher's own exception resolvers (the application
    // injects the "handlerExceptionResolver" bean); they exist only once MockMvc is built.
    AtomicReference<HandlerExceptionResolver> resolvers = new AtomicReference<>();
    HandlerExceptionResolver dispatcherResolvers =
        (request, response, handler, ex) ->
            resolvers.get().resolveException(request, response, handler, ex);

    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(
                new OccupationController(gateway, validator, clock, settings),
                new StatusController(store),
                new QualityController(gateway, clock),
                new AdminOccupationController(gateway, clock))
            .setControllerAdvice(new ApiProblemHandler())
            .setValidator(validator)
            .setMessageConverters(
                new ByteArrayHttpMessageConverter(),
                new StringHttpMessageConverter(StandardCharsets.UTF_8),
                new JacksonJsonHttpMessageConverter(bootJsonMapper()))
            // What the security chain leaves on an authenticated request; the chain itself (401,
            // 403, revocation) is covered by SecurityIT against the real context.
            .defaultRequest(get("/").principal(CALLER))
            .addFilters(new RequestBodyLimitFilter(settings, dispatcherResolvers))
            .build();
    resolvers.set(
        mvc.getDispatcherServlet()
            .getWebApplicationContext()
            .getBean("handlerExceptionResolver", HandlerExceptionResolver.class));
    return new StandaloneOccupationMvc<>(mvc, bus, store, settings);
  }

  /** Bean validation as Spring Boot's {@code ValidationAutoConfiguration} sets it up. */
  private static LocalValidatorFactoryBean validator() {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
    validator.afterPropertiesSet();
    return validator;
  }

  /**
   * The application's {@link JsonMapper}: what Spring Boot's {@code JacksonAutoConfiguration}
   * builds with no {@code spring.jackson.*} set (command-api.yml sets none): Jackson 3 defaults,
   * the modules found on the class path, the {@code ProblemDetail} mixin that puts a problem's
   * properties ({@code code}, {@code errors}, ...) at the top level, and the application's {@link
   * StrictJsonInput} customizer. Snake_case comes from the request and response records'
   * {@code @JsonProperty}. Built by hand because starting the auto-configuration in a context of
   * its own costs over a second.
   */
  private static JsonMapper bootJsonMapper() {
    return StrictJsonInput.apply(
            JsonMapper.builder()
                .findAndAddModules(StandaloneOccupationMvc.class.getClassLoader())
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class))
        .build();
  }
}
