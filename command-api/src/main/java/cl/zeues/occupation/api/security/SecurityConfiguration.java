package cl.zeues.occupation.api.security;

import cl.zeues.occupation.api.ApiSettings;
import cl.zeues.occupation.catalog.CompactedTopicView;
import cl.zeues.occupation.events.JsonCodec;
import cl.zeues.occupation.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Every {@code /api/**} request may carry {@code Authorization: Bearer <token>};
 * the token is a device's or a person's credential (or the bootstrap admin token). Tablet routes
 * need TABLET or above (or nothing, with {@code zeues.security.device-credentials=false}), {@code
 * /api/admin/**} SUPERVISOR or above, {@code /api/admin/credentials/**} ADMIN. Stateless: no
 * session, no CSRF (no cookies are ever trusted). Actuator and OpenAPI are outside this chain
 * (actuator has its own port).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
  private static final String BEARER = "Bearer ";

  @Bean
  CredentialAuthenticationProvider credentialAuthenticationProvider(
      CredentialStore credentials, SecuritySettings security, ApiSettings api) {
    Optional<String> bootstrap = security.bootstrapToken(api.adminToken());
    if (bootstrap.isEmpty()) {
      log.info("no bootstrap admin token: credentials can only come from security.credentials");
    }
    return new CredentialAuthenticationProvider(credentials, bootstrap);
  }

  @Bean
  WorkerPins workerPins(SecuritySettings security, MeterRegistry meters) {
    if (security.workerPinsFile() == null) {
      return WorkerPins.off(meters);
    }
    SecuritySettings.RateLimit limit = security.rateLimit();
    WorkerPins pins =
        WorkerPins.load(
            security.workerPinsFile(),
            new DeviceRateLimiters(
                "pin-failures",
                limit.pinFailures(),
                limit.pinFailurePeriod(),
                limit.maxDevices(),
                limit.idleExpiry()),
            meters);
    log.info(
        "worker PINs on: {} workers have one ({}); commands need {}",
        pins.size(),
        security.workerPinsFile(),
        WorkerPins.HEADER);
    return pins;
  }

  /** The request limiter's state, held outside the filter so metrics can read it. */
  @Bean
  DeviceRateLimiters requestRateLimiters(SecuritySettings security, MeterRegistry meters) {
    SecuritySettings.RateLimit limit = security.rateLimit();
    DeviceRateLimiters limiters =
        new DeviceRateLimiters(
            "requests", limit.requests(), limit.period(), limit.maxDevices(), limit.idleExpiry());
    Gauge.builder("zeues.api.rate.limiters", limiters, DeviceRateLimiters::devices)
        .description("Devices whose request limiter is held now (at most rate-limit.max-devices)")
        .register(meters);
    return limiters;
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      CredentialAuthenticationProvider provider,
      SecuritySettings security,
      JsonMapper json,
      DeviceRateLimiters requestRateLimiters,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problemResolver,
      MeterRegistry meters)
      throws Exception {
    if (!security.deviceCredentials()) {
      log.warn(
          "zeues.security.device-credentials=false: tablet routes accept ANONYMOUS callers; anyone"
              + " who reaches this port can read and act on spools as any worker. Admin routes"
              + " still need a credential.");
    }
    SecurityProblems problems = new SecurityProblems(json);
    AuthenticationFilter bearer =
        new AuthenticationFilter(new ProviderManager(provider), SecurityConfiguration::bearer);
    bearer.setSuccessHandler((request, response, authentication) -> {});
    bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
    return http.securityMatcher("/api/**")
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(bearer, BasicAuthenticationFilter.class)
        // After authentication (the limit is per credential), before authorization.
        .addFilterBefore(
            new RequestRateLimitFilter(
                requestRateLimiters,
                problemResolver,
                Counter.builder("zeues.api.rate.limited")
                    .description("Requests refused with 429 for the device's request budget")
                    .register(meters)),
            AuthorizationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            rules -> {
              rules
                  .requestMatchers(RouteRoles.CREDENTIALS_ROOT, RouteRoles.CREDENTIALS)
                  .hasRole(Role.ADMIN.name())
                  .requestMatchers(RouteRoles.ADMIN)
                  .hasRole(Role.SUPERVISOR.name());
              if (security.deviceCredentials()) {
                rules.anyRequest().hasRole(Role.TABLET.name());
              } else {
                rules.anyRequest().permitAll();
              }
            })
        .build();
  }

  /**
   * The read routes a board page reads through the browser's EventSource and fetch, which cannot
   * always send a header: for GETs of these only, the token may come as {@code access_token}.
   */
  private static final java.util.Set<String> BOARD_READS =
      java.util.Set.of("/api/sse/stream", "/api/dashboard/occupied", "/api/workers");

  /** The bearer token of the request, or null when it carries none (anonymous). */
  private static Authentication bearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String query = request.getParameter("access_token");
      boolean boardRead =
          "GET".equals(request.getMethod()) && BOARD_READS.contains(request.getRequestURI());
      return boardRead && query != null && !query.isBlank() ? new BearerToken(query.strip()) : null;
    }
    return new BearerToken(header.substring(BEARER.length()).strip());
  }

  @Bean
  KafkaCredentialStore credentialStore(
      KafkaProperties kafka,
      ApiSettings settings,
      JsonCodec codec,
      KafkaTemplate<String, byte[]> commandTemplate) {
    Admin admin = Admin.create(kafka.buildAdminProperties());
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaCredentialStore(
        new CompactedTopicView<>(
            Topics.SECURITY_CREDENTIALS.name(),
            Credential.class,
            () ->
                new KafkaConsumer<>(
                    consumer, new StringDeserializer(), new ByteArrayDeserializer()),
            admin,
            codec,
            settings.healthTimeout(),
            settings.unknownKeyTtl()),
        admin,
        commandTemplate,
        codec,
        settings.publishTimeout());
  }

  @Bean
  NewTopic credentialsTopic() {
    Topics.Spec spec = Topics.SECURITY_CREDENTIALS;
    return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
        .configs(spec.configs());
  }
}
