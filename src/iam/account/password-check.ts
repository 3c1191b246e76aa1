import { AwsError } from '../../errors/aws-error.js';
import type { PasswordPolicy } from './password-policy.js';

/**
 * The characters IAM counts as symbols ("Setting an account password policy for IAM users": "! @ # $ % ^ & * ( )
 * _ + - = [ ] { } | '").
 */
const SYMBOLS = new Set("!@#$%^&*()_+-=[]{}|'");

/** One requirement of the policy: whether it applies, whether a password meets it, and AWS's words for it. */
interface Requirement {
  readonly applies: (policy: PasswordPolicy) => boolean;
  readonly met: (password: string, policy: PasswordPolicy) => boolean;
  readonly message: (policy: PasswordPolicy) => string;
}

/** In the order the requirements are checked; the first one not met is reported. */
const REQUIREMENTS: readonly Requirement[] = [
  {
    applies: () => true,
    met: (p, policy) => p.length >= (policy.MinimumPasswordLength ?? 6),
    message: (policy) => `Password should have a minimum length of ${policy.MinimumPasswordLength ?? 6}`,
  },
  {
    applies: (policy) => policy.RequireUppercaseCharacters === true,
    met: (p) => /[A-Z]/.test(p),
    message: () => 'Password should have at least one uppercase letter',
  },
  {
    applies: (policy) => policy.RequireLowercaseCharacters === true,
    met: (p) => /[a-z]/.test(p),
    message: () => 'Password should have at least one lowercase letter',
  },
  {
    applies: (policy) => policy.RequireNumbers === true,
    met: (p) => /[0-9]/.test(p),
    message: () => 'Password should have at least one number',
  },
  {
    applies: (policy) => policy.RequireSymbols === true,
    met: (p) => [...p].some((c) => SYMBOLS.has(c)),
    message: () => 'Password should have at least one symbol',
  },
];

/**
 * Throws PasswordPolicyViolation when a new password does not meet the account's password policy: its minimum
 * length and required character classes. The message never contains the password.
 */
export function enforcePasswordPolicy(policy: PasswordPolicy | undefined, password: string): void {
  if (policy === undefined) return;
  for (const requirement of REQUIREMENTS) {
    if (requirement.applies(policy) && !requirement.met(password, policy)) {
      throw new AwsError('PasswordPolicyViolation', requirement.message(policy));
    }
  }
}
