#!/bin/sh
# Secrets as files (compose and container secrets): NAME_FILE names the file, NAME gets its
# content, for Rasa to read from the environment (endpoints.yml: ${POSTGRES_PASSWORD}).
# Kubernetes sets NAME directly from its Secret.
set -eu
for name in POSTGRES_PASSWORD REDIS_PASSWORD; do
  eval "file=\${${name}_FILE:-}"
  if [ -n "$file" ]; then
    value=$(cat "$file")
    export "$name=$value"
  fi
done
exec "$@"
