#!/usr/bin/env bash
# The README's walkthrough with the real AWS CLI against `iamd serve --dev`: a group with an AWS managed
# policy, a user in it with an access key, the simulator, enforcement, roles with an instance profile, AssumeRole
# with the temporary credentials, a wrong secret, last-used data, the credential report, and the audit trail
# through `aws cloudtrail lookup-events`. Needs `aws` on the PATH (Debian's awscli package) and a built iamd
# (npm ci). Prints `N passed, N failed` and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

PORT=${IAMD_SCENARIO_PORT:-4599}
LOG=/tmp/iamd-cli-scenario.log
# shellcheck source=test/cli/lib.sh
source test/cli/lib.sh

check 'root identity' "arn:aws:iam::$ACCOUNT:root" "$(root sts get-caller-identity --query Arn 2>&1)"
root iam create-group --group-name Developers > /dev/null
root iam attach-group-policy --group-name Developers --policy-arn arn:aws:iam::aws:policy/AmazonEC2FullAccess
check 'group policy attached' 'AmazonEC2FullAccess' "$(root iam list-attached-group-policies --group-name Developers 2>&1)"
root iam create-user --user-name dev1 > /dev/null
root iam add-user-to-group --group-name Developers --user-name dev1
check 'user in group' 'Developers' "$(root iam list-groups-for-user --user-name dev1 --query 'Groups[].GroupName' 2>&1)"
read -r KEY_ID SECRET < <(root iam create-access-key --user-name dev1 --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
check 'access key created' 'AKIA' "$KEY_ID"

check 'simulator: ec2:RunInstances allowed' 'allowed' \
  "$(root iam simulate-principal-policy --policy-source-arn "arn:aws:iam::$ACCOUNT:user/dev1" --action-names ec2:RunInstances --query 'EvaluationResults[0].EvalDecision' 2>&1)"
check 'simulator: iam:CreateUser denied' 'implicitDeny' \
  "$(root iam simulate-principal-policy --policy-source-arn "arn:aws:iam::$ACCOUNT:user/dev1" --action-names iam:CreateUser --query 'EvaluationResults[0].EvalDecision' 2>&1)"
check 'dev1 may not create users' 'AccessDenied' "$(aws_as "$KEY_ID" "$SECRET" "" iam create-user --user-name intruder 2>&1)"
check 'dev1 identity' "arn:aws:iam::$ACCOUNT:user/dev1" "$(aws_as "$KEY_ID" "$SECRET" "" sts get-caller-identity --query Arn 2>&1)"

EC2_TRUST='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
root iam create-role --role-name EC2-S3Reader --assume-role-policy-document "$EC2_TRUST" > /dev/null
root iam attach-role-policy --role-name EC2-S3Reader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
root iam create-instance-profile --instance-profile-name EC2-S3Reader > /dev/null
root iam add-role-to-instance-profile --instance-profile-name EC2-S3Reader --role-name EC2-S3Reader
check 'instance profile holds the role' 'EC2-S3Reader' \
  "$(root iam get-instance-profile --instance-profile-name EC2-S3Reader --query 'InstanceProfile.Roles[].RoleName' 2>&1)"

TRUST="{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::$ACCOUNT:user/dev1\"},\"Action\":\"sts:AssumeRole\"}]}"
root iam create-role --role-name Auditor --assume-role-policy-document "$TRUST" > /dev/null
root iam attach-role-policy --role-name Auditor --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess
read -r TMP_ID TMP_SECRET TMP_TOKEN < <(aws_as "$KEY_ID" "$SECRET" "" sts assume-role \
  --role-arn "arn:aws:iam::$ACCOUNT:role/Auditor" --role-session-name audit \
  --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
check 'assume-role gave temporary credentials' 'ASIA' "$TMP_ID"
check 'session identity' "arn:aws:sts::$ACCOUNT:assumed-role/Auditor/audit" \
  "$(aws_as "$TMP_ID" "$TMP_SECRET" "$TMP_TOKEN" sts get-caller-identity --query Arn 2>&1)"
check 'session may read IAM' 'dev1' "$(aws_as "$TMP_ID" "$TMP_SECRET" "$TMP_TOKEN" iam list-users --query 'Users[].UserName' 2>&1)"
check 'session may not write IAM' 'AccessDenied' \
  "$(aws_as "$TMP_ID" "$TMP_SECRET" "$TMP_TOKEN" iam create-user --user-name intruder 2>&1)"
check 'wrong secret key' 'SignatureDoesNotMatch' "$(aws_as "$KEY_ID" "${SECRET}x" "" iam list-users 2>&1)"
check 'role last used where it was assumed' 'us-east-1' \
  "$(root iam get-role --role-name Auditor --query 'Role.RoleLastUsed.Region' 2>&1)"
# dev1's first use was the refused iam create-user; later uses in the same minute are not written.
check 'dev1 key last used' 'iam' \
  "$(root iam get-access-key-last-used --access-key-id "$KEY_ID" --query 'AccessKeyLastUsed.ServiceName' 2>&1)"

check 'credential report started' 'STARTED' "$(root iam generate-credential-report --query State 2>&1)"
check 'credential report complete' 'COMPLETE' "$(root iam generate-credential-report --query State 2>&1)"
REPORT=$(root iam get-credential-report --query Content 2>&1 | base64 -d 2>&1)
check 'credential report columns' 'user,arn,user_creation_time,password_enabled,password_last_used' "$REPORT"
check 'credential report root row' "<root_account>,arn:aws:iam::$ACCOUNT:root," "$REPORT"
check 'credential report user row' "dev1,arn:aws:iam::$ACCOUNT:user/dev1," "$REPORT"

# The audit trail: the scenario's own calls are recorded, and CloudTrail's LookupEvents (JSON protocol) finds them.
check 'lookup-events finds the root user creating dev1' 'CreateUser' \
  "$(root cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=CreateUser \
    --query "Events[?Username=='root'].EventName" 2>&1)"
check 'lookup-events finds dev1 refused' 'AccessDenied' \
  "$(root cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=dev1 \
    --query 'Events[].CloudTrailEvent' 2>&1)"

finish 'aws-cli scenario'
