#!/usr/bin/env bash
# Virtual MFA with the real AWS CLI against `iamd serve --dev`: a user with an access key and a virtual MFA device
# (seed from --bootstrap-method Base32StringSeed, codes from oathtool), a policy that denies everything without
# MFA, the long-term key denied, a GetSessionToken with a code, the session allowed, and the code refused a second
# time. Needs `aws` (Debian's awscli), `oathtool` and a built iamd (npm ci). Prints `N passed, N failed` and exits
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

PORT=${IAMD_SCENARIO_PORT:-4597}
LOG=/tmp/iamd-cli-mfa-scenario.log
# shellcheck source=test/cli/lib.sh
source test/cli/lib.sh
# Sleeps into the next 30-second TOTP step, so that codes of a new step are valid.
next_step() { sleep $((30 - $(date +%s) % 30 + 1)); }

# (1) A user, its access key, and a virtual MFA device enabled with two consecutive codes.
root iam create-user --user-name mfa-user > /dev/null
read -r KEY_ID SECRET < <(root iam create-access-key --user-name mfa-user --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
check 'access key created' 'AKIA' "$KEY_ID"
SERIAL=$(root iam create-virtual-mfa-device --virtual-mfa-device-name mfa-user \
  --outfile "$WORK/seed.txt" --bootstrap-method Base32StringSeed --query 'VirtualMFADevice.SerialNumber' 2>&1)
check 'virtual MFA device created' "arn:aws:iam::$ACCOUNT:mfa/mfa-user" "$SERIAL"
SEED=$(cat "$WORK/seed.txt" 2>/dev/null)
check 'seed written as Base32' 'ok' "$([[ "$SEED" =~ ^[A-Z2-7]{32}$ ]] && echo ok || echo "[$SEED]")"
# Two consecutive codes, with a step's margin before the boundary so that both are for the steps intended.
(( $(date +%s) % 30 > 25 )) && next_step
CODE1=$(oathtool --totp -b "$SEED")
CODE2=$(oathtool --totp -b -N "now + 30 seconds" "$SEED")
check 'wrong codes refused' 'InvalidAuthenticationCode' "$(root iam enable-mfa-device --user-name mfa-user \
  --serial-number "$SERIAL" --authentication-code1 "$CODE2" --authentication-code2 "$CODE1" 2>&1)"
root iam enable-mfa-device --user-name mfa-user --serial-number "$SERIAL" \
  --authentication-code1 "$CODE1" --authentication-code2 "$CODE2"
check 'device enabled' "$SERIAL" "$(root iam list-mfa-devices --user-name mfa-user --query 'MFADevices[].SerialNumber' 2>&1)"

# (2) Everything is allowed, and everything is denied unless the request is MFA-authenticated.
POLICY='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}'
root iam put-user-policy --user-name mfa-user --policy-name require-mfa --policy-document "$POLICY"

# (3) The long-term key carries no MFA: denied.
check 'long-term key denied' 'AccessDenied' "$(aws_as "$KEY_ID" "$SECRET" "" iam list-users 2>&1)"

# (4) A session with a code of a step after those spent enabling the device.
next_step
CODE3=$(oathtool --totp -b -N "now + 30 seconds" "$SEED")
check 'wrong serial number refused' 'unable to validate MFA code' "$(aws_as "$KEY_ID" "$SECRET" "" sts get-session-token \
  --serial-number "arn:aws:iam::$ACCOUNT:mfa/someone-else" --token-code "$CODE3" 2>&1)"
read -r TMP_ID TMP_SECRET TMP_TOKEN < <(aws_as "$KEY_ID" "$SECRET" "" sts get-session-token \
  --serial-number "$SERIAL" --token-code "$CODE3" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' 2>&1)
check 'get-session-token with MFA' 'ASIA' "$TMP_ID"

# (5) The session is allowed; the same code is refused a second time.
check 'MFA session allowed' 'mfa-user' "$(aws_as "$TMP_ID" "$TMP_SECRET" "$TMP_TOKEN" iam list-users --query 'Users[].UserName' 2>&1)"
check 'code reuse refused' 'invalid MFA one time pass code' "$(aws_as "$KEY_ID" "$SECRET" "" sts get-session-token \
  --serial-number "$SERIAL" --token-code "$CODE3" 2>&1)"
check 'enabling codes refused too' 'invalid MFA one time pass code' "$(aws_as "$KEY_ID" "$SECRET" "" sts get-session-token \
  --serial-number "$SERIAL" --token-code "$CODE2" 2>&1)"

# Clean-up needs the device deactivated first: DeleteConflict until then.
check 'enabled device cannot be deleted' 'DeleteConflict' "$(root iam delete-virtual-mfa-device --serial-number "$SERIAL" 2>&1)"
root iam deactivate-mfa-device --user-name mfa-user --serial-number "$SERIAL"
root iam delete-virtual-mfa-device --serial-number "$SERIAL"
check 'device deleted' 'NoSuchEntity' "$(root iam delete-virtual-mfa-device --serial-number "$SERIAL" 2>&1)"

finish 'aws-cli MFA scenario'
