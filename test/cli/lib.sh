# Shared by the CLI scenarios (sourced, not run): the root key, a `iamd serve --dev` started in the background and
# stopped on exit, the AWS CLI as a given identity, and the pass/fail tally.
# Before sourcing, set PORT; optionally LOG (the server's output) and SERVE_ENV (words for `env` before the server,
# e.g. `-u IAMD_ROOT_PASSWORD`). Scenarios end with `finish NAME`.

AWS=${AWS_CLI:-$(command -v /usr/bin/aws || command -v aws)}
ENDPOINT="http://127.0.0.1:${PORT}"
LOG=${LOG:-/tmp/iamd-scenario-${PORT}.log}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER='' AWS_EC2_METADATA_DISABLED=true
export IAMD_ROOT_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE IAMD_ROOT_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
ACCOUNT=123456789012
WORK=$(mktemp -d)
passed=0
failed=0

# shellcheck disable=SC2086 # SERVE_ENV is a list of words for env.
env ${SERVE_ENV:-} node bin/iamd.js serve --dev --port "$PORT" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -sf "$ENDPOINT/_iamd/health" > /dev/null && break
  sleep 0.1
done

aws_as() { # aws_as KEY_ID SECRET [TOKEN] -- args...
  local id=$1 secret=$2 token=$3; shift 3
  env -u AWS_PROFILE AWS_ACCESS_KEY_ID="$id" AWS_SECRET_ACCESS_KEY="$secret" ${token:+AWS_SESSION_TOKEN="$token"} \
    "$AWS" --endpoint-url "$ENDPOINT" --output text "$@"
}
root() { aws_as "$IAMD_ROOT_ACCESS_KEY_ID" "$IAMD_ROOT_SECRET_ACCESS_KEY" "" "$@"; }
check() { # check NAME EXPECTED ACTUAL
  if [[ "$3" == *"$2"* ]]; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1: expected [$2] in [$3]"; fi
}
finish() { # finish NAME: prints the tally; the scenario's status is whether nothing failed
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
