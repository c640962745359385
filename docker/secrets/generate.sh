#!/bin/sh
# Writes the secrets docker/compose.yml (and compose.production.yml) read: one random password per
# Kafka and Redis user, generated once, and the files derived from them, rewritten at every run (so
# after changing a password file, run this again and restart the deployment). Nothing here is ever
# committed (docker/.gitignore). See README.md in this folder.
#
#   sh docker/secrets/generate.sh            # into docker/secrets/
#   sudo sh docker/secrets/generate.sh       # the same, each file owned by the uid that reads it
#
# ZEUES_SECRETS_DIR=<dir> writes elsewhere (system-tests' RedisAclIT does).
set -eu

dir=${ZEUES_SECRETS_DIR:-$(dirname "$0")}
mkdir -p "$dir"
cd "$dir"
umask 077

# A password file: 24 random bytes as hex (no character Kafka's or Redis's syntax would mind), no
# newline. Kept if it exists.
password() {
  [ -s "$1" ] || printf '%s' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$1"
  cat "$1"
}

sha256() {
  printf '%s' "$1" | sha256sum | cut -d' ' -f1
}

# The command-api's service token towards the projector's catalog import (both mount it).
password catalog-import-token > /dev/null
broker=$(password kafka-broker-password)
for user in occupation-processor command-api sheets-projector; do
  password "kafka-$user-password" > /dev/null
done
processor=$(password redis-occupation-processor-password)
api=$(password redis-command-api-password)
replication=$(password redis-replication-password)
sentinel=$(password redis-sentinel-password)
admin=$(password redis-admin-password)

# The broker's JAAS: its own user over PLAIN (between nodes, towards the controllers, and
# kafka-setup), and SCRAM-SHA-512 for the services, whose credentials live in Kafka itself.
cat > kafka-broker.jaas <<JAAS
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="kafka-broker"
    password="$broker"
    user_kafka-broker="$broker";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
JAAS

# Client settings of the broker's own user: kafka-setup, the brokers' health checks, and operators
# (kafka-topics.sh ... --command-config docker/secrets/kafka-admin.properties).
cat > kafka-admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="kafka-broker" password="$broker";
PROPERTIES

# Redis users (passwords stored as SHA-256). Nobody logs in as default; the health checks log in as
# healthcheck, which may only PING. The processor may do anything to zeues:* keys but no
# administration; the API only reads them (and INFO, for its health); admin is for people (no
# container mounts its password).
cat > redis-users.acl <<ACL
user default off
user healthcheck on nopass -@all +ping
user occupation-processor on #$(sha256 "$processor") ~zeues:* resetchannels +@all -@dangerous
user command-api on #$(sha256 "$api") ~zeues:* resetchannels -@all +@read +@connection -@dangerous +info
user replication on #$(sha256 "$replication") -@all +psync +replconf +ping
user admin on #$(sha256 "$admin") ~* &* +@all
user sentinel on #$(sha256 "$sentinel") allchannels -@all +multi +slaveof +ping +exec +subscribe +config|rewrite +role +publish +info +client|setname +client|kill +script|kill
ACL

# Production: how a replica (and a primary demoted by a failover) logs in to its primary.
cat > redis-replication.conf <<CONF
masteruser replication
masterauth $replication
CONF

# Who reads what: the Kafka image runs as uid 1000, Redis as 999, the services as 10001; the
# kafka-setup container and the Sentinels' start script run as root.
if [ "$(id -u)" = 0 ]; then
  chown 1000 kafka-broker.jaas kafka-admin.properties
  chown 999 redis-users.acl redis-replication.conf
  chown 10001 kafka-occupation-processor-password kafka-command-api-password \
    kafka-sheets-projector-password redis-occupation-processor-password redis-command-api-password \
    catalog-import-token
  chmod 0400 ./*-password ./*-token ./*.jaas ./*.properties ./*.acl ./*.conf
else
  # Bind-mounted as they are: without root, the containers' users can only read them if all can.
  chmod 0444 ./*-password ./*-token ./*.jaas ./*.properties ./*.acl ./*.conf
  echo "generate.sh: not root, so the secrets in $(pwd) are readable by every user of this host;" \
    "run it with sudo to give each file to the container user that reads it" >&2
fi
