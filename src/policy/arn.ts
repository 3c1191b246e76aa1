/**
 * ARNs: `arn:partition:service:region:account-id:resource`. The resource part may itself hold colons.
 */

/** The six parts of an ARN. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Splits an ARN into its parts, or returns `undefined` when the text is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = text.indexOf(':', start);
    if (colon === -1) return undefined;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  return {
    partition: parts[0]!,
    service: parts[1]!,
    region: parts[2]!,
    account: parts[3]!,
    resource: text.slice(start),
  };
}

/** The five matchable parts of an ARN, in order, for part-by-part comparison (ArnLike). */
export function arnParts(arn: Arn): readonly [string, string, string, string, string] {
  return [arn.partition, arn.service, arn.region, arn.account, arn.resource];
}
