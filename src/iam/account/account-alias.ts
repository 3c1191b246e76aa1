import { MemberConstraints } from '../common/member-constraints.js';

/** accountAliasType: 3–63 lower-case letters, digits and single hyphens, not at either end (API reference). */
const ALIAS_PATTERN = String.raw`^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`;

/** Checks an `AccountAlias`. */
export function checkAlias(alias: string): void {
  new MemberConstraints()
    .length('accountAlias', alias, 3, 63)
    .pattern('accountAlias', alias, ALIAS_PATTERN)
    .throwIfAny();
}
