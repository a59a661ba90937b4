#!/usr/bin/env bash
# Health check of a Detox Streams container: GET /health on the local HTTP server; exit 0 only on 200 (the moderator
# answers 200 only while Kafka Streams is RUNNING, a rewriter while its loop runs; README, "Endpoints").
# It uses bash's /dev/tcp because the JRE base image has neither curl nor wget, and it costs no JVM start.
#
#   healthcheck.sh [moderator|rewriter]
#
# Port: DETOX_HEALTH_PORT if set; else the rewriter's (DETOX_REWRITER_HTTP_PORT, default 8081) for `rewriter` — the
# argument, or, without one, the subcommand PID 1 runs — and the moderator's (DETOX_HTTP_PORT, default 8080) otherwise.
# A port set only in a properties file is not seen here: set DETOX_HEALTH_PORT too.
set -u

role="${1:-}"
if [[ -z "$role" ]] && tr '\0' '\n' </proc/1/cmdline 2>/dev/null | grep -qx rewriter; then
    role=rewriter
fi
if [[ -n "${DETOX_HEALTH_PORT:-}" ]]; then
    port="$DETOX_HEALTH_PORT"
elif [[ "$role" == rewriter ]]; then
    port="${DETOX_REWRITER_HTTP_PORT:-8081}"
else
    port="${DETOX_HTTP_PORT:-8080}"
fi

exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
[[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]
