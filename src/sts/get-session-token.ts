import { AwsError } from '../errors/aws-error.js';
import type { GetSessionTokenInput, GetSessionTokenOutput } from '../protocol/models/sts-types.js';
import type { StsContext } from './context.js';
import { checkMfaCode, spendMfaCode } from './mfa-code.js';
import { issueCredentials, type SessionPrincipal } from './session.js';

const DEFAULT_DURATION = 43_200;
const MIN_DURATION = 900;
const MAX_DURATION = 129_600;
/** The root user's sessions last at most one hour (STS API reference, GetSessionToken). */
const ROOT_MAX_DURATION = 3600;

/**
 * GetSessionToken: temporary credentials that act as the calling IAM user (or root user) with the same
 * permissions. It needs no permission, but only long-term credentials may call it.
 */
export async function getSessionToken(
  ctx: StsContext,
  input: GetSessionTokenInput,
): Promise<GetSessionTokenOutput> {
  const caller = ctx.caller;
  if (caller.kind === 'assumedRole' || caller.kind === 'federatedUser' || caller.expiresAt !== undefined) {
    throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
  }
  const duration = input.DurationSeconds ?? (caller.kind === 'root' ? ROOT_MAX_DURATION : DEFAULT_DURATION);
  if (duration < MIN_DURATION || duration > MAX_DURATION) {
    const bound =
      duration < MIN_DURATION
        ? `greater than or equal to ${MIN_DURATION}`
        : `less than or equal to ${MAX_DURATION}`;
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  const effective = caller.kind === 'root' ? Math.min(duration, ROOT_MAX_DURATION) : duration;
  // With SerialNumber and TokenCode, the session is MFA-authenticated as of now (aws:MultiFactorAuthPresent true).
  const checked = await checkMfaCode(ctx, input.SerialNumber, input.TokenCode);
  if (checked !== undefined) await spendMfaCode(ctx, checked);
  const mfa =
    checked === undefined ? { mfa: false } : { mfa: true, mfaAuthenticatedAt: ctx.now.toISOString() };
  const principal: SessionPrincipal =
    caller.kind === 'root'
      ? { kind: 'root', ...mfa }
      : {
          kind: 'user',
          userId: caller.policyHolder?.id ?? caller.userId,
          userName: caller.userName ?? '',
          userArn: caller.arn,
          ...mfa,
        };
  const credentials = await ctx.store.transaction((tx) =>
    issueCredentials(ctx, tx, principal, effective, undefined),
  );
  return { Credentials: credentials };
}
