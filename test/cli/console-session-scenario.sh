#!/usr/bin/env bash
# The console's back end over HTTP with curl against `iamd serve --dev`: the root password printed once at first
# start, sign-in, the session cookie's flags, CSRF and Origin refusals, the console API, a user's sign-in, the
# lockout after repeated wrong passwords, the MFA step with a virtual device (created with the AWS CLI, codes from
# oathtool), sign-out, and the root password surviving `POST /_iamd/reset`. Needs curl, `aws` (Debian's awscli),
# `oathtool` and a built iamd (npm ci). Prints `N passed, N failed` and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

PORT=${IAMD_CONSOLE_SCENARIO_PORT:-4598}
LOG=/tmp/iamd-console-scenario.log
SERVE_ENV='-u IAMD_ROOT_PASSWORD'
# shellcheck source=test/cli/lib.sh
source test/cli/lib.sh
JAR=$(mktemp)
trap 'kill $SERVER 2>/dev/null; rm -rf "$JAR" "$WORK"' EXIT
# post PATH JSON [extra curl args...]: prints the status line's code, then the headers and body.
post() {
  local path=$1 body=$2; shift 2
  curl -s -i -X POST -H 'content-type: application/json' --data "$body" "$@" "$ENDPOINT$path"
}
status_of() { head -n 1 | awk '{print $2}'; }
csrf_of() { sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p'; }

ROOT_PASSWORD=$(sed -n 's/^  IAMD_ROOT_PASSWORD=//p' "$LOG")
check 'root password printed once at first start' 'x' "${ROOT_PASSWORD:+x}"

SIGNIN=$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"root\":true,\"password\":\"$ROOT_PASSWORD\"}" -c "$JAR")
check 'root signs in' '"status":"signedIn"' "$SIGNIN"
COOKIE_LINE=$(printf '%s' "$SIGNIN" | grep -i '^set-cookie:' | tr -d '\r')
check 'cookie is HttpOnly' 'HttpOnly' "$COOKIE_LINE"
check 'cookie is SameSite=Strict' 'SameSite=Strict' "$COOKIE_LINE"
check 'cookie has Path=/' 'Path=/' "$COOKIE_LINE"
check 'cookie is not Secure over plain HTTP' 'no' "$([[ "$COOKIE_LINE" == *Secure* ]] && echo yes || echo no)"
CSRF=$(printf '%s' "$SIGNIN" | csrf_of)

api() { # api QUERY [extra curl args...]
  local query=$1; shift
  curl -s -i -X POST -H 'content-type: application/x-www-form-urlencoded' -b "$JAR" --data "$query&Version=2010-05-08" \
    "$@" "$ENDPOINT/_iamd/console/api"
}
check 'console API without the CSRF token is refused' '403' "$(api 'Action=ListUsers' | status_of)"
check 'console API with a wrong CSRF token is refused' 'InvalidCsrfToken' "$(api 'Action=ListUsers' -H 'x-csrf-token: forged')"
check 'console API from another origin is refused' 'InvalidOrigin' \
  "$(api 'Action=ListUsers' -H "x-csrf-token: $CSRF" -H 'origin: https://evil.example')"
check 'root creates a user through the console API' '<UserName>web1</UserName>' \
  "$(api 'Action=CreateUser&UserName=web1' -H "x-csrf-token: $CSRF")"
check 'root gives the user a password' '200' \
  "$(api 'Action=CreateLoginProfile&UserName=web1&Password=Web1-pass-word' -H "x-csrf-token: $CSRF" | status_of)"

USER_JAR=$(mktemp)
USER_SIGNIN=$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"user\":\"web1\",\"password\":\"Web1-pass-word\"}" -c "$USER_JAR")
check 'the user signs in' '"status":"signedIn"' "$USER_SIGNIN"
USER_CSRF=$(printf '%s' "$USER_SIGNIN" | csrf_of)
check 'the user has no permissions through the console API either' 'AccessDenied' \
  "$(curl -s -X POST -b "$USER_JAR" -H "x-csrf-token: $USER_CSRF" --data 'Action=ListUsers&Version=2010-05-08' "$ENDPOINT/_iamd/console/api")"
rm -f "$USER_JAR"

for i in 1 2 3 4 5; do
  check "wrong password $i" '401' \
    "$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"user\":\"web1\",\"password\":\"wrong-$i\"}" | status_of)"
done
LOCKED=$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"user\":\"web1\",\"password\":\"Web1-pass-word\"}")
check 'locked out after 5 wrong passwords, even with the right one' '429' "$(printf '%s' "$LOCKED" | status_of)"
check 'the lockout answer is Throttling' 'Rate exceeded' "$LOCKED"
check 'an unknown user answers like a wrong password' '"error":"AuthenticationFailed"' \
  "$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"user\":\"nobody\",\"password\":\"wrong\"}")"

# The MFA step: web2 gets a virtual device (AWS CLI with the root key, codes from oathtool).
root_cli() {
  env -u AWS_PROFILE AWS_ACCESS_KEY_ID="$IAMD_ROOT_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$IAMD_ROOT_SECRET_ACCESS_KEY" \
    "$AWS" --endpoint-url "$ENDPOINT" --output text "$@"
}
next_step() { sleep $((30 - $(date +%s) % 30 + 1)); }
api 'Action=CreateUser&UserName=web2' -H "x-csrf-token: $CSRF" > /dev/null
api 'Action=CreateLoginProfile&UserName=web2&Password=Web2-pass-word' -H "x-csrf-token: $CSRF" > /dev/null
SERIAL=$(root_cli iam create-virtual-mfa-device --virtual-mfa-device-name web2 --outfile "$WORK/seed.txt" \
  --bootstrap-method Base32StringSeed --query 'VirtualMFADevice.SerialNumber' 2>&1)
SEED=$(cat "$WORK/seed.txt" 2>/dev/null)
(( $(date +%s) % 30 > 25 )) && next_step
root_cli iam enable-mfa-device --user-name web2 --serial-number "$SERIAL" \
  --authentication-code1 "$(oathtool --totp -b "$SEED")" \
  --authentication-code2 "$(oathtool --totp -b -N 'now + 30 seconds' "$SEED")"
check 'web2 has an MFA device' "$SERIAL" "$(root_cli iam list-mfa-devices --user-name web2 --query 'MFADevices[].SerialNumber' 2>&1)"
WEB2="{\"account\":\"$ACCOUNT\",\"user\":\"web2\",\"password\":\"Web2-pass-word\""
check 'the right password asks for an MFA code' '{"status":"mfaRequired"}' "$(post /_iamd/signin "$WEB2}")"
check 'a wrong password does not reveal the MFA step' '"error":"AuthenticationFailed"' \
  "$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"user\":\"web2\",\"password\":\"wrong\"}")"
# The enabling codes used this step and the next: sign in with the code of the step after.
next_step
MFA_SIGNIN=$(post /_iamd/signin "$WEB2,\"mfaCode\":\"$(oathtool --totp -b -N 'now + 30 seconds' "$SEED")\"}")
check 'signs in with a current MFA code' '"mfaAuthenticated":true' "$MFA_SIGNIN"

check 'sign-out without the CSRF token is refused' '403' "$(post /_iamd/signout '{}' -b "$JAR" | status_of)"
check 'sign-out' '"status":"signedOut"' "$(post /_iamd/signout '{}' -b "$JAR" -H "x-csrf-token: $CSRF")"
check 'the session is gone after sign-out' '401' "$(api 'Action=ListUsers' -H "x-csrf-token: $CSRF" | status_of)"

curl -s -X POST "$ENDPOINT/_iamd/reset" > /dev/null
check 'the root password survives a dev reset' '"status":"signedIn"' \
  "$(post /_iamd/signin "{\"account\":\"$ACCOUNT\",\"root\":true,\"password\":\"$ROOT_PASSWORD\"}")"
check 'the password is printed once only' '1' "$(grep -c 'IAMD_ROOT_PASSWORD=' "$LOG")"

finish 'console-session scenario'
