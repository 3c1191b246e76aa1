import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsWithEntitiesCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  type ServiceLastAccessed,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { insertTestEvents } from '../../../src/audit/test-support/insert-events.js';
import { ACCOUNT } from '../support/server.js';
import {
  accessDenied,
  allow,
  expectError,
  policyDocument,
  serverForFile,
  trustService,
  unique,
  userClients,
} from './support.js';

// GenerateServiceLastAccessedDetails and its two readers
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html), over an audit
// trail written by the test-support writer: the recorder's rows, shaped as audit_events holds them. The server's
// own recording is off, so that the trail holds exactly the events written here (test/e2e/cloudtrail/
// recorded-calls.test.ts covers recorded calls).
const env = serverForFile({ audit: false });
const DAY = 86_400_000;
const ago = (days: number): Date => new Date(Date.now() - days * DAY);
const byNamespace = (services: ServiceLastAccessed[] | undefined, namespace: string) =>
  services?.find((s) => s.ServiceNamespace === namespace);

async function report(arn: string, granularity?: 'SERVICE_LEVEL' | 'ACTION_LEVEL') {
  const { JobId } = await env.iam.send(
    new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: granularity }),
  );
  expect(JobId).toMatch(/^[0-9a-f-]{36}$/);
  const details = await env.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
  return { jobId: JobId!, details };
}

async function newUser(policy: string): Promise<{ name: string; arn: string }> {
  const name = unique('u');
  const { User } = await env.iam.send(new CreateUserCommand({ UserName: name }));
  await env.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
  return { name, arn: User!.Arn! };
}

describe('service last accessed', () => {
  it('reports a user’s allowed services with the latest attempt on each, null where never used', async () => {
    const user = await newUser(
      policyDocument(
        { Effect: 'Allow', Action: ['iam:Get*', 'iam:CreateUser', 's3:GetObject'], Resource: '*' },
        { Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
      ),
    );
    await insertTestEvents(env.server.store, [
      {
        accountId: ACCOUNT,
        eventName: 'GetUser',
        eventTime: ago(3),
        username: user.name,
        principalArn: user.arn,
        region: 'eu-west-1',
      },
      // Denied attempts count too: AWS reports attempts, not only successes.
      {
        accountId: ACCOUNT,
        eventName: 'CreateUser',
        eventTime: ago(2),
        username: user.name,
        principalArn: user.arn,
        errorCode: 'AccessDenied',
      },
      // A role session with the same session name is not the user.
      {
        accountId: ACCOUNT,
        eventName: 'GetCallerIdentity',
        eventSource: 'sts.amazonaws.com',
        eventTime: ago(1),
        roleSession: { roleArn: `arn:aws:iam::${ACCOUNT}:role/other`, sessionName: user.name },
      },
      // Beyond the 400-day tracking period.
      {
        accountId: ACCOUNT,
        eventName: 'GetCallerIdentity',
        eventSource: 'sts.amazonaws.com',
        eventTime: ago(401),
        username: user.name,
        principalArn: user.arn,
      },
    ]);
    const { details } = await report(user.arn);
    expect(details).toMatchObject({ JobStatus: 'COMPLETED', JobType: 'SERVICE_LEVEL', IsTruncated: false });
    expect(details.JobCreationDate).toBeInstanceOf(Date);
    expect(details.JobCompletionDate).toBeInstanceOf(Date);
    expect(details.ServicesLastAccessed?.map((s) => s.ServiceNamespace).sort()).toEqual(['iam', 's3', 'sts']);
    const iam = byNamespace(details.ServicesLastAccessed, 'iam');
    expect(iam).toMatchObject({
      ServiceName: 'AWS Identity and Access Management',
      LastAuthenticatedEntity: user.arn,
      LastAuthenticatedRegion: 'us-east-1',
      TotalAuthenticatedEntities: 1,
    });
    expect(Math.abs(iam!.LastAuthenticated!.getTime() - ago(2).getTime())).toBeLessThan(60_000);
    expect(iam?.TrackedActionsLastAccessed).toBeUndefined();
    for (const never of ['s3', 'sts']) {
      const service = byNamespace(details.ServicesLastAccessed, never);
      expect(service?.LastAuthenticated).toBeUndefined();
      expect(service?.LastAuthenticatedEntity).toBeUndefined();
      expect(service?.TotalAuthenticatedEntities).toBe(0);
    }
  });

  it('reports IAM and STS actions one by one at ACTION_LEVEL, for a role’s sessions', async () => {
    const roleName = unique('r');
    const { Role } = await env.iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustService() }),
    );
    const { Policy } = await env.iam.send(
      new CreatePolicyCommand({
        PolicyName: unique('p'),
        PolicyDocument: allow(['iam:ListUsers', 'iam:ListRoles', 'sts:GetCallerIdentity']),
      }),
    );
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: Policy!.Arn }));
    await insertTestEvents(env.server.store, [
      {
        accountId: ACCOUNT,
        eventName: 'ListUsers',
        eventTime: ago(5),
        roleSession: { roleArn: Role!.Arn!, sessionName: 's1' },
        region: 'us-west-2',
      },
      {
        accountId: ACCOUNT,
        eventName: 'ListUsers',
        eventTime: ago(4),
        roleSession: { roleArn: Role!.Arn!, sessionName: 's2' },
        region: 'eu-central-1',
      },
    ]);
    const { details } = await report(Role!.Arn!, 'ACTION_LEVEL');
    expect(details.JobType).toBe('ACTION_LEVEL');
    const iam = byNamespace(details.ServicesLastAccessed, 'iam');
    expect(iam).toMatchObject({
      LastAuthenticatedEntity: Role!.Arn,
      LastAuthenticatedRegion: 'eu-central-1',
      TotalAuthenticatedEntities: 1,
    });
    const actions = iam?.TrackedActionsLastAccessed ?? [];
    expect(actions.map((a) => a.ActionName).sort()).toEqual(['ListRoles', 'ListUsers']);
    expect(actions.find((a) => a.ActionName === 'ListUsers')).toMatchObject({
      LastAccessedEntity: Role!.Arn,
      LastAccessedRegion: 'eu-central-1',
    });
    expect(actions.find((a) => a.ActionName === 'ListRoles')?.LastAccessedTime).toBeUndefined();
    expect(byNamespace(details.ServicesLastAccessed, 'sts')?.TrackedActionsLastAccessed).toEqual([
      { ActionName: 'GetCallerIdentity' },
    ]);
    // The role's policy's own report covers the role.
    const { jobId } = await report(Policy!.Arn!);
    const entities = await env.iam.send(
      new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: jobId, ServiceNamespace: 'iam' }),
    );
    expect(entities.EntityDetailsList?.map((e) => e.EntityInfo)).toEqual([
      { Arn: Role!.Arn, Name: roleName, Type: 'ROLE', Id: Role!.RoleId, Path: '/' },
    ]);
  });

  it('reports a group by its members, with the members who used each service', async () => {
    const group = unique('g');
    const { Group } = await env.iam.send(new CreateGroupCommand({ GroupName: group }));
    await env.iam.send(
      new PutGroupPolicyCommand({ GroupName: group, PolicyName: 'p', PolicyDocument: allow('iam:*') }),
    );
    const [a, b, c] = [unique('m'), unique('m'), unique('m')];
    const arns: Record<string, string> = {};
    for (const name of [a, b, c]) {
      arns[name] = (await env.iam.send(new CreateUserCommand({ UserName: name }))).User!.Arn!;
      await env.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: name }));
    }
    await insertTestEvents(env.server.store, [
      { accountId: ACCOUNT, eventName: 'ListUsers', eventTime: ago(9), username: a, principalArn: arns[a] },
      { accountId: ACCOUNT, eventName: 'GetUser', eventTime: ago(8), username: b, principalArn: arns[b] },
      // Another account's user of the same name is not a member.
      {
        accountId: '210987654321',
        eventName: 'GetUser',
        eventTime: ago(1),
        username: c,
        principalArn: `arn:aws:iam::210987654321:user/${c}`,
      },
    ]);
    const { jobId, details } = await report(Group!.Arn!);
    expect(byNamespace(details.ServicesLastAccessed, 'iam')).toMatchObject({
      LastAuthenticatedEntity: arns[b],
      TotalAuthenticatedEntities: 2,
    });
    const first = await env.iam.send(
      new GetServiceLastAccessedDetailsWithEntitiesCommand({
        JobId: jobId,
        ServiceNamespace: 'iam',
        MaxItems: 2,
      }),
    );
    expect(first).toMatchObject({ JobStatus: 'COMPLETED', IsTruncated: true });
    expect(first.EntityDetailsList?.map((e) => e.EntityInfo?.Name)).toEqual([b, a]);
    expect(first.EntityDetailsList?.[0]?.LastAuthenticated).toBeInstanceOf(Date);
    const rest = await env.iam.send(
      new GetServiceLastAccessedDetailsWithEntitiesCommand({
        JobId: jobId,
        ServiceNamespace: 'iam',
        Marker: first.Marker,
      }),
    );
    expect(rest.IsTruncated).toBe(false);
    expect(rest.EntityDetailsList).toEqual([
      { EntityInfo: { Arn: arns[c], Name: c, Type: 'USER', Id: expect.any(String), Path: '/' } },
    ]);
  });

  it('lists every service a wildcard grants, a page at a time', async () => {
    const user = await newUser(allow('*'));
    const { jobId, details } = await report(user.arn);
    expect(details.ServicesLastAccessed!.length).toBeGreaterThan(20);
    const paged: string[] = [];
    let marker: string | undefined;
    do {
      const page = await env.iam.send(
        new GetServiceLastAccessedDetailsCommand({ JobId: jobId, MaxItems: 7, Marker: marker }),
      );
      paged.push(...(page.ServicesLastAccessed ?? []).map((s) => s.ServiceNamespace!));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker !== undefined);
    expect(paged).toEqual(details.ServicesLastAccessed!.map((s) => s.ServiceNamespace));
  });

  it('answers unknown entities and jobs with NoSuchEntity, other ARNs with InvalidInput', async () => {
    await expectError(
      () =>
        env.iam.send(
          new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:user/nobody-here` }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The user with name nobody-here cannot be found.',
      },
    );
    await expectError(
      () =>
        env.iam.send(
          new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:policy/none` }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: `Policy arn:aws:iam::${ACCOUNT}:policy/none does not exist or is not attachable.`,
      },
    );
    await expectError(
      () =>
        env.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: 'arn:aws:s3:::some-bucket-name' })),
      { name: 'InvalidInputException', status: 400 },
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectError(() => env.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: missing })), {
      name: 'NoSuchEntityException',
      status: 404,
    });
    await expectError(
      () =>
        env.iam.send(
          new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: missing, ServiceNamespace: 'iam' }),
        ),
      { name: 'NoSuchEntityException', status: 404 },
    );
  });

  it('needs the permissions: a user without them is denied', async () => {
    const target = await newUser(allow('iam:GetUser'));
    const caller = await userClients(env);
    await expectError(
      () => caller.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: target.arn })),
      accessDenied(caller.userArn, 'iam:GenerateServiceLastAccessedDetails', target.arn),
    );
    const { jobId } = await report(target.arn);
    await expectError(
      () => caller.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId })),
      accessDenied(caller.userArn, 'iam:GetServiceLastAccessedDetails', '*'),
    );
    await expectError(
      () =>
        caller.iam.send(
          new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: jobId, ServiceNamespace: 'iam' }),
        ),
      accessDenied(caller.userArn, 'iam:GetServiceLastAccessedDetailsWithEntities', '*'),
    );
    // A user-attached AWS managed policy's report covers that user.
    await env.iam.send(
      new AttachUserPolicyCommand({
        UserName: caller.userName,
        PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
      }),
    );
    const managed = await report('arn:aws:iam::aws:policy/IAMReadOnlyAccess');
    expect(byNamespace(managed.details.ServicesLastAccessed, 'iam')).toBeDefined();
    const entities = await env.iam.send(
      new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: managed.jobId, ServiceNamespace: 'iam' }),
    );
    expect(entities.EntityDetailsList?.map((e) => e.EntityInfo?.Arn)).toContain(caller.userArn);
  });
});
