package cl.zeues.occupation.api.occupation.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Kafka is up when the cluster describes itself within the health timeout. */
class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final Admin admin;
  private final Duration timeout;

  KafkaClusterHealthIndicator(Admin admin, Duration timeout) {
    super("Kafka health check failed");
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
    long waitMs = timeout.toMillis() + 500;
    builder
        .up()
        .withDetail("clusterId", cluster.clusterId().get(waitMs, TimeUnit.MILLISECONDS))
        .withDetail("nodes", cluster.nodes().get(waitMs, TimeUnit.MILLISECONDS).size());
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(1));
  }
}
