#!/usr/bin/env bash
# docker/compose.yml's kafka-setup: as the broker's own user, give each service its SCRAM-SHA-512
# credentials (from its password secret) and the ACLs of acls.txt next to this script. Idempotent:
# it runs at every `up` before the services start, so a changed password or a new line in acls.txt
# takes effect then. It adds and never removes: to withdraw a right, remove its ACL by hand
# (kafka-acls.sh --remove ..., see docker/README.md).
set -euo pipefail

bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
admin=/run/secrets/kafka-admin.properties
acls=$(dirname "$0")/acls.txt
bin=/opt/kafka/bin

while read -r user; do
  password=$(cat "/run/secrets/kafka-$user-password")
  echo "SCRAM-SHA-512 credentials of $user"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" \
    --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" > /dev/null
done < <(grep -Ev '^[[:space:]]*(#|$)' "$acls" | awk '{print $1}' | sort -u)

grep -Ev '^[[:space:]]*(#|$)' "$acls" | while read -r user resource operations _; do
  type=${resource%%:*}
  name=${resource#*:}
  pattern=literal
  if [[ $name == *'*' ]]; then
    name=${name%'*'}
    pattern=prefixed
  fi
  args=()
  for operation in ${operations//,/ }; do
    args+=(--operation "$operation")
  done
  echo "User:$user may $operations $type $name ($pattern)"
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$user" "${args[@]}" "--$type" "$name" \
    --resource-pattern-type "$pattern" > /dev/null
done
echo "kafka-setup: users and ACLs in place"
