import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  GetUserCommand,
  UpdateAccessKeyCommand,
  UpdateLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { totpStep } from '../../../src/auth/totp.js';
import { signIn } from '../support/console.js';
import { enable, newDevice } from '../support/mfa.js';
import { ACCOUNT, ROOT, ROOT_PASSWORD, clients, startTestServer } from '../support/server.js';
import { expectError } from './support.js';

// Credential reports (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html,
// API_GenerateCredentialReport, API_GetCredentialReport; recorded: test_iam_credential_report.snapshot.json).

/** AWS's documented columns, in order (IAM User Guide, "Getting credential reports"; recorded field_names). */
const AWS_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
];

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  row.push(field);
  rows.push(row);
  return rows;
}

/** The report's rows as records keyed by the header's column names. */
function records(content: Uint8Array): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...lines] = parseCsv(Buffer.from(content).toString('utf8'));
  return {
    header: header!,
    rows: lines.map((values) => Object.fromEntries(header!.map((name, i) => [name, values[i]!]))),
  };
}

/** AWS's report timestamps: ISO 8601 to the second with a `+00:00` offset. */
const REPORT_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
const HOUR_MS = 3_600_000;

let server: RunningServer;
let offsetMs = 0;
let iam: IAMClient;

/**
 * A root client whose signing clock follows the server's shifted clock. A fresh one per call after a shift: the
 * SDK re-learns its clock offset from each response's Date header, which is the real time.
 */
function rootIam(): IAMClient {
  return new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: ROOT,
    maxAttempts: 1,
    systemClockOffset: offsetMs,
  });
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + offsetMs) });
});
afterAll(() => server.close());
beforeEach(async () => {
  offsetMs = 0;
  const response = await fetch(`${server.url}/_iamd/reset`, { method: 'POST' });
  expect(response.status).toBe(200);
  iam = rootIam();
});

describe('GenerateCredentialReport', () => {
  it('answers STARTED with AWS’s description the first time, then COMPLETE while the report is current', async () => {
    expect(await iam.send(new GenerateCredentialReportCommand({}))).toMatchObject({
      State: 'STARTED',
      Description: 'No report exists. Starting a new report generation task',
    });
    const again = await iam.send(new GenerateCredentialReportCommand({}));
    expect(again.State).toBe('COMPLETE');
    expect(again.Description).toBeUndefined();
  });

  it('makes a new report once the last is older than four hours', async () => {
    await iam.send(new GenerateCredentialReportCommand({}));
    const first = await iam.send(new GetCredentialReportCommand({}));
    offsetMs = 4 * HOUR_MS + 60_000;
    expect((await rootIam().send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    const second = await rootIam().send(new GetCredentialReportCommand({}));
    expect(second.GeneratedTime!.getTime() - first.GeneratedTime!.getTime()).toBeGreaterThan(4 * HOUR_MS);
  });

  it('is denied to a user without iam:GenerateCredentialReport (AccessDenied, 403)', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'nobody' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' }));
    const user = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    await expectError(() => user.iam.send(new GenerateCredentialReportCommand({})), {
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/nobody is not authorized to perform: iam:GenerateCredentialReport on resource: * because no identity-based policy allows the iam:GenerateCredentialReport action`,
    });
  });
});

describe('GetCredentialReport', () => {
  it('before any report is ReportNotPresent (410), with no message, as recorded', async () => {
    await expectError(() => iam.send(new GetCredentialReportCommand({})), {
      name: 'CredentialReportNotPresentException',
      status: 410,
    });
  });

  it('a report older than four hours is ReportExpired (410)', async () => {
    await iam.send(new GenerateCredentialReportCommand({}));
    offsetMs = 4 * HOUR_MS + 1000;
    await expectError(() => rootIam().send(new GetCredentialReportCommand({})), {
      name: 'CredentialReportExpiredException',
      status: 410,
    });
    // Just under four hours, the same report is still served.
    offsetMs = 4 * HOUR_MS - 60_000;
    expect((await rootIam().send(new GetCredentialReportCommand({}))).ReportFormat).toBe('text/csv');
  });

  it('returns AWS’s columns, the root row first, and each user’s passwords, keys and certificates', async () => {
    const generatedAfter = Date.now();
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, MaxPasswordAge: 90 }));
    // A user with a password and two keys, the first used, the second deactivated.
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Correct-Horse-42' }));
    const { AccessKey: first } = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    const { AccessKey: second } = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: 'alice', AccessKeyId: second!.AccessKeyId, Status: 'Inactive' }),
    );
    // Alice enables a virtual MFA device; a second device is created but never enabled.
    const device = await newDevice(iam, 'alice-phone');
    await enable(iam, 'alice', device, totpStep(new Date(Date.now() + offsetMs)));
    await newDevice(iam, 'spare-phone');
    const alice = clients(server, {
      accessKeyId: first!.AccessKeyId!,
      secretAccessKey: first!.SecretAccessKey!,
    });
    await alice.sts.send(new GetCallerIdentityCommand({}));
    // A user with nothing but a signing certificate; a name with a comma, which CSV must quote.
    await iam.send(new CreateUserCommand({ UserName: 'bob,jr' }));
    const certificate = readFileSync(new URL('../../fixtures/tls/localhost.crt', import.meta.url), 'utf8');
    await iam.send(new UploadSigningCertificateCommand({ UserName: 'bob,jr', CertificateBody: certificate }));

    await iam.send(new GenerateCredentialReportCommand({}));
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    expect(report.GeneratedTime!.getTime()).toBeGreaterThanOrEqual(Math.floor(generatedAfter / 1000) * 1000);
    const text = Buffer.from(report.Content!).toString('utf8');
    // The report holds no secret.
    expect(text).not.toContain(first!.SecretAccessKey!);
    expect(text).not.toContain(ROOT.secretAccessKey!);
    expect(text).not.toContain('Correct-Horse-42');

    const { header, rows } = records(report.Content!);
    expect(header).toEqual(AWS_COLUMNS);
    expect(rows.map((r) => r['user'])).toEqual(['<root_account>', 'alice', 'bob,jr']);
    for (const row of rows) {
      for (const column of ['user_creation_time', 'access_key_1_last_rotated', 'password_last_changed']) {
        expect(row[column]).toMatch(/^(N\/A|not_supported|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)$/);
      }
    }

    const [root, aliceRow, bobRow] = rows as [
      Record<string, string>,
      Record<string, string>,
      Record<string, string>,
    ];
    // The root row: the password columns are not_supported; its key (the preset root key) was used just now.
    expect(root).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      password_enabled: 'not_supported',
      password_last_used: 'no_information',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 'iam',
      access_key_2_active: 'false',
      access_key_2_last_rotated: 'N/A',
      access_key_2_last_used_date: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
    });
    expect(root['user_creation_time']).toMatch(REPORT_TIME);
    expect(root['access_key_1_last_used_date']).toMatch(REPORT_TIME);

    expect(aliceRow).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      password_enabled: 'true',
      password_last_used: 'no_information',
      mfa_active: 'true',
      access_key_1_active: 'true',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 'sts',
      access_key_2_active: 'false',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
    for (const column of [
      'user_creation_time',
      'password_last_changed',
      'access_key_1_last_rotated',
      'access_key_1_last_used_date',
      'access_key_2_last_rotated',
    ]) {
      expect(aliceRow[column], column).toMatch(REPORT_TIME);
    }
    // MaxPasswordAge 90: the next rotation is 90 days after the password was set.
    expect(
      Date.parse(aliceRow['password_next_rotation']!) - Date.parse(aliceRow['password_last_changed']!),
    ).toBe(90 * 24 * HOUR_MS);

    expect(bobRow).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:user/bob,jr`,
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      password_next_rotation: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'false',
      access_key_1_last_rotated: 'N/A',
      access_key_1_last_used_date: 'N/A',
      cert_1_active: 'true',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    });
    expect(bobRow['cert_1_last_rotated']).toMatch(REPORT_TIME);
  });

  it('the root row’s mfa_active is true once the root user has an enabled MFA device', async () => {
    const device = await newDevice(iam, 'root-phone');
    await iam.send(new GenerateCredentialReportCommand({}));
    const before = records((await iam.send(new GetCredentialReportCommand({}))).Content!).rows[0]!;
    expect(before).toMatchObject({ user: '<root_account>', mfa_active: 'false' });
    // The API cannot enable a device for root (EnableMFADevice requires UserName in the model iamd decodes); the
    // console does it, writing the device's owner `root`. That write is made here directly.
    await server.store.db
      .updateTable('mfa_devices')
      .set({ owner: 'root', enabled_at: new Date().toISOString() })
      .where('serial_number', '=', device.serial)
      .execute();
    offsetMs = 4 * HOUR_MS + 60_000;
    await rootIam().send(new GenerateCredentialReportCommand({}));
    const after = records((await rootIam().send(new GetCredentialReportCommand({}))).Content!).rows[0]!;
    expect(after).toMatchObject({ user: '<root_account>', mfa_active: 'true' });
  });

  it('the password columns follow console sign-in and password changes, root’s included', async () => {
    const DAY_MS = 24 * HOUR_MS;
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, MaxPasswordAge: 30 }));
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'carol', Password: 'Carol-pass-1' }));
    // A day later carol's password is changed, then carol and root sign in to the console.
    offsetMs = DAY_MS;
    const changedFrom = Math.floor((Date.now() + offsetMs) / 1000) * 1000;
    await rootIam().send(new UpdateLoginProfileCommand({ UserName: 'carol', Password: 'Carol-pass-2' }));
    const carol = await signIn(server, { account: ACCOUNT, user: 'carol', password: 'Carol-pass-2' });
    expect(carol.body['status'], carol.text).toBe('signedIn');
    const root = await signIn(server, {
      account: ACCOUNT,
      root: true,
      password: ROOT_PASSWORD,
    });
    expect(root.body['status'], root.text).toBe('signedIn');

    await rootIam().send(new GenerateCredentialReportCommand({}));
    const { rows } = records((await rootIam().send(new GetCredentialReportCommand({}))).Content!);
    const rootRow = rows.find((r) => r['user'] === '<root_account>')!;
    const carolRow = rows.find((r) => r['user'] === 'carol')!;

    expect(rootRow).toMatchObject({
      password_enabled: 'not_supported',
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
    });
    expect(rootRow['password_last_used']).toMatch(REPORT_TIME);
    expect(Date.parse(rootRow['password_last_used']!)).toBeGreaterThanOrEqual(changedFrom);

    expect(carolRow['password_enabled']).toBe('true');
    // Last changed is the UpdateLoginProfile a day after creation, not the creation.
    expect(carolRow['password_last_changed']).toMatch(REPORT_TIME);
    expect(Date.parse(carolRow['password_last_changed']!)).toBeGreaterThanOrEqual(changedFrom);
    expect(
      Date.parse(carolRow['password_next_rotation']!) - Date.parse(carolRow['password_last_changed']!),
    ).toBe(30 * DAY_MS);
    expect(carolRow['password_last_used']).toMatch(REPORT_TIME);
    expect(Date.parse(carolRow['password_last_used']!)).toBeGreaterThanOrEqual(changedFrom);
    // The same sign-in is GetUser's PasswordLastUsed.
    const { User } = await rootIam().send(new GetUserCommand({ UserName: 'carol' }));
    expect(User!.PasswordLastUsed!.getTime()).toBe(Date.parse(carolRow['password_last_used']!));
  });
});
