// Principals: the ARN shapes of users, roles, role sessions, federated users, the root user, services and
// identity providers, and how a Principal element names them (an account ID or root ARN names the account; a role
// ARN names the role's sessions; "*" names everyone):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// NotPrincipal with Deny: a user is excluded only with its account listed too; a role session only with the
// session, its role and the account all listed:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
// Service-linked roles live under the /aws-service-role/ path:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
import { describe, expect, it } from 'vitest';
import type { PrincipalBlock } from './ast.js';
import { compilePrincipal, derivePrincipal } from './principal.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const USER = `arn:aws:iam::${ACCOUNT}:user/division/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Deploy`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/build-42`;

function aws(...entries: string[]): PrincipalBlock {
  return { kind: 'map', aws: entries, service: [], federated: [], canonicalUser: [] };
}

describe('derivePrincipal', () => {
  it('reads an IAM user, keeping the name without its path', () => {
    expect(derivePrincipal(USER)).toMatchObject({
      kind: 'user',
      account: ACCOUNT,
      name: 'alice',
      partition: 'aws',
    });
  });

  it('reads an IAM role, which is its own role ARN', () => {
    const role = derivePrincipal(`arn:aws:iam::${ACCOUNT}:role/team/Deploy`);
    expect(role).toMatchObject({
      kind: 'role',
      name: 'Deploy',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/team/Deploy`,
    });
    expect(role.serviceLinked).toBe(false);
  });

  it('marks a service-linked role by its path', () => {
    const slr = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk`;
    expect(derivePrincipal(slr)).toMatchObject({ kind: 'role', serviceLinked: true });
  });

  it('reads a role session: role name, session name, and the role ARN without a path', () => {
    expect(derivePrincipal(SESSION)).toMatchObject({
      kind: 'assumedRole',
      account: ACCOUNT,
      name: 'Deploy',
      sessionName: 'build-42',
      roleArn: ROLE,
      rolePathKnown: false,
      serviceLinked: false,
    });
  });

  it("takes a session's role ARN, with its path, when the caller knows it", () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/team/Deploy`;
    expect(derivePrincipal(SESSION, { roleArn })).toMatchObject({ roleArn, rolePathKnown: true });
  });

  it('marks a session of a service-linked role', () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`;
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/AWSServiceRoleForECS/ecs`;
    expect(derivePrincipal(session, { roleArn }).serviceLinked).toBe(true);
  });

  it('reads a federated user', () => {
    expect(derivePrincipal(`arn:aws:sts::${ACCOUNT}:federated-user/bob`)).toMatchObject({
      kind: 'federatedUser',
      account: ACCOUNT,
      name: 'bob',
    });
  });

  it('reads the root user from its ARN', () => {
    expect(derivePrincipal(`arn:aws:iam::${ACCOUNT}:root`)).toMatchObject({ kind: 'root', account: ACCOUNT });
  });

  it('reads a bare account ID as the root user, with the root ARN', () => {
    expect(derivePrincipal(ACCOUNT)).toMatchObject({
      kind: 'root',
      account: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
    });
  });

  it('reads "*" and the empty text as anonymous', () => {
    expect(derivePrincipal('*').kind).toBe('anonymous');
    expect(derivePrincipal('').kind).toBe('anonymous');
  });

  it('reads a service principal name as a service, with no account', () => {
    expect(derivePrincipal('s3.amazonaws.com')).toMatchObject({ kind: 'service', account: '' });
  });

  it('reads web identity providers, by name or by provider ARN', () => {
    expect(derivePrincipal('cognito-identity.amazonaws.com').kind).toBe('webIdentity');
    expect(derivePrincipal('accounts.google.com').kind).toBe('webIdentity');
    expect(derivePrincipal(`arn:aws:iam::${ACCOUNT}:saml-provider/Okta`).kind).toBe('webIdentity');
    expect(
      derivePrincipal(`arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`).kind,
    ).toBe('webIdentity');
  });

  it('keeps the partition', () => {
    expect(derivePrincipal('arn:aws-cn:iam::111122223333:user/alice').partition).toBe('aws-cn');
  });

  it('carries the unique IDs the caller gives', () => {
    expect(
      derivePrincipal(USER, { userId: 'AIDAEXAMPLE1234567890', canonicalUserId: 'c0ffee' }),
    ).toMatchObject({
      userId: 'AIDAEXAMPLE1234567890',
      canonicalUserId: 'c0ffee',
    });
  });
});

describe('compilePrincipal: how a Principal names the requester', () => {
  it('names a user exactly by its ARN', () => {
    const block = compilePrincipal(aws(USER));
    expect(block.match(derivePrincipal(USER))).toBe('exact');
    expect(block.match(derivePrincipal(`arn:aws:iam::${ACCOUNT}:user/division/bob`))).toBeUndefined();
  });

  it('does not name a user whose path differs', () => {
    expect(
      compilePrincipal(aws(USER)).match(derivePrincipal(`arn:aws:iam::${ACCOUNT}:user/alice`)),
    ).toBeUndefined();
  });

  it('names every principal of an account by account ID or root ARN', () => {
    for (const entry of [ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`]) {
      const block = compilePrincipal(aws(entry));
      expect(block.match(derivePrincipal(USER))).toBe('account');
      expect(block.match(derivePrincipal(SESSION))).toBe('account');
      expect(block.match(derivePrincipal(`arn:aws:iam::${OTHER}:user/alice`))).toBeUndefined();
    }
  });

  it('names the root user exactly by its account', () => {
    expect(compilePrincipal(aws(ACCOUNT)).match(derivePrincipal(ACCOUNT))).toBe('exact');
  });

  it("names a role's sessions through the role ARN", () => {
    const block = compilePrincipal(aws(ROLE));
    expect(block.match(derivePrincipal(SESSION))).toBe('role');
    expect(
      block.match(derivePrincipal(`arn:aws:sts::${ACCOUNT}:assumed-role/Other/build-42`)),
    ).toBeUndefined();
  });

  it('names a session with an unknown role path by role name, and a known path must agree', () => {
    const block = compilePrincipal(aws(`arn:aws:iam::${ACCOUNT}:role/team/Deploy`));
    expect(block.match(derivePrincipal(SESSION))).toBe('role');
    expect(
      block.match(derivePrincipal(SESSION, { roleArn: `arn:aws:iam::${ACCOUNT}:role/team/Deploy` })),
    ).toBe('role');
    expect(
      block.match(derivePrincipal(SESSION, { roleArn: `arn:aws:iam::${ACCOUNT}:role/other/Deploy` })),
    ).toBeUndefined();
  });

  it('names one session exactly by its session ARN', () => {
    const block = compilePrincipal(aws(SESSION));
    expect(block.match(derivePrincipal(SESSION))).toBe('exact');
    expect(
      block.match(derivePrincipal(`arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/build-43`)),
    ).toBeUndefined();
  });

  it('names a federated user exactly', () => {
    const fed = `arn:aws:sts::${ACCOUNT}:federated-user/bob`;
    expect(compilePrincipal(aws(fed)).match(derivePrincipal(fed))).toBe('exact');
  });

  it('names everyone with "*", as a block or in AWS', () => {
    expect(compilePrincipal({ kind: 'any' }).match(derivePrincipal(USER))).toBe('wildcard');
    expect(compilePrincipal(aws('*')).match(derivePrincipal(`arn:aws:iam::${OTHER}:user/x`))).toBe(
      'wildcard',
    );
  });

  it('prefers the most specific way the block names the principal', () => {
    expect(compilePrincipal(aws('*', ACCOUNT, ROLE, SESSION)).match(derivePrincipal(SESSION))).toBe('exact');
    expect(compilePrincipal(aws('*', ACCOUNT, ROLE)).match(derivePrincipal(SESSION))).toBe('role');
    expect(compilePrincipal(aws('*', ACCOUNT)).match(derivePrincipal(SESSION))).toBe('account');
  });

  it('names a service by its service principal name', () => {
    const block = compilePrincipal({
      kind: 'map',
      aws: [],
      service: ['s3.amazonaws.com'],
      federated: [],
      canonicalUser: [],
    });
    expect(block.match(derivePrincipal('s3.amazonaws.com'))).toBe('service');
    expect(block.match(derivePrincipal('sns.amazonaws.com'))).toBeUndefined();
  });

  it('names a web identity provider through Federated', () => {
    const block = compilePrincipal({
      kind: 'map',
      aws: [],
      service: [],
      federated: ['accounts.google.com'],
      canonicalUser: [],
    });
    expect(block.match(derivePrincipal('accounts.google.com'))).toBe('webIdentity');
    expect(block.match(derivePrincipal('graph.facebook.com'))).toBeUndefined();
  });

  it('names a user by its unique ID, and a role session by its role ID', () => {
    const block = compilePrincipal(aws('AIDAJQABLZS4A3QDU576Q', 'AROADBQP57FF2AEXAMPLE'));
    expect(block.match(derivePrincipal(USER, { userId: 'AIDAJQABLZS4A3QDU576Q' }))).toBe('exact');
    expect(block.match(derivePrincipal(SESSION, { userId: 'AROADBQP57FF2AEXAMPLE:build-42' }))).toBe('role');
  });

  it('names nobody from an empty block', () => {
    expect(compilePrincipal(aws()).match(derivePrincipal(USER))).toBeUndefined();
  });
});

describe('compilePrincipal: NotPrincipal exclusion', () => {
  const excludes = (entries: string[], arn: string, roleArn?: string) =>
    compilePrincipal(aws(...entries)).excludes(derivePrincipal(arn, { roleArn }));

  it('excludes a user only when the user and its account are both listed', () => {
    expect(excludes([USER, `arn:aws:iam::${ACCOUNT}:root`], USER)).toBe(true);
    expect(excludes([USER, ACCOUNT], USER)).toBe(true);
    expect(excludes([USER], USER)).toBe(false);
    expect(excludes([ACCOUNT], USER)).toBe(false);
  });

  it('excludes a role session only when the session, its role and the account are all listed', () => {
    expect(excludes([SESSION, ROLE, ACCOUNT], SESSION)).toBe(true);
    expect(excludes([SESSION, ACCOUNT], SESSION)).toBe(false);
    expect(excludes([SESSION, ROLE], SESSION)).toBe(false);
    expect(excludes([ROLE, ACCOUNT], SESSION)).toBe(false);
  });

  it('does not exclude another session of a listed role', () => {
    expect(excludes([SESSION, ROLE, ACCOUNT], `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/other`)).toBe(
      false,
    );
  });

  it('excludes the root user when its account is listed', () => {
    expect(excludes([`arn:aws:iam::${ACCOUNT}:root`], ACCOUNT)).toBe(true);
    expect(excludes([`arn:aws:iam::${OTHER}:root`], ACCOUNT)).toBe(false);
  });

  it('excludes everyone with "*"', () => {
    expect(compilePrincipal({ kind: 'any' }).excludes(derivePrincipal(USER))).toBe(true);
  });

  it('excludes a listed service', () => {
    const block = compilePrincipal({
      kind: 'map',
      aws: [],
      service: ['s3.amazonaws.com'],
      federated: [],
      canonicalUser: [],
    });
    expect(block.excludes(derivePrincipal('s3.amazonaws.com'))).toBe(true);
    expect(block.excludes(derivePrincipal('sns.amazonaws.com'))).toBe(false);
  });

  it('never excludes an anonymous caller unless "*" is listed', () => {
    expect(excludes([ACCOUNT, USER], '*')).toBe(false);
  });
});
