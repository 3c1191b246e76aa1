import {
  CreateSAMLProviderCommand,
  DeleteSAMLProviderCommand,
  GetSAMLProviderCommand,
  ListSAMLProvidersCommand,
  ListSAMLProviderTagsCommand,
  TagSAMLProviderCommand,
  UntagSAMLProviderCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { accessDenied, expectError, serverForFile, unique, userClients } from './support.js';

// SAML identity providers (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateSAMLProvider.html and the
// pages it links; shapes and messages as recorded in test_iam_saml_providers). iamd's SAML support is partial:
// AssertionEncryptionMode, private keys and SAMLProviderUUID are not returned (docs/compatibility.md).
const env = serverForFile();

/** IdP metadata of a realistic size (AWS requires at least 1000 characters). */
function metadata(entityId: string, validUntil?: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"${
      validUntil ? ` validUntil="${validUntil}"` : ''
    }>`,
    '  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
    `      <ds:X509Data><ds:X509Certificate>${'MIIC'.padEnd(1200, 'A')}</ds:X509Certificate></ds:X509Data>`,
    '    </ds:KeyInfo></md:KeyDescriptor>',
    '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/>',
    '  </md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}

const DOCUMENT = metadata('https://idp.example.com/saml', '2030-06-30T00:00:00Z');
const missingArn = `arn:aws:iam::${ACCOUNT}:saml-provider/NonExistentProvider`;
const manifestNotFound = (arn: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `Manifest not found for arn ${arn}`,
});

async function createProvider(tags?: { Key: string; Value: string }[]) {
  const name = unique('idp');
  const out = await env.iam.send(
    new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: DOCUMENT, Tags: tags }),
  );
  return { name, arn: out.SAMLProviderArn!, out };
}

describe('CreateSAMLProvider, GetSAMLProvider', () => {
  it('creates the provider; Get returns the document, the dates and the tags', async () => {
    const { name, arn, out } = await createProvider([{ Key: 'team', Value: 'red' }]);
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:saml-provider/${name}`);
    expect(out.Tags).toEqual([{ Key: 'team', Value: 'red' }]);
    const got = await env.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got.SAMLMetadataDocument).toBe(DOCUMENT);
    expect(got.CreateDate).toBeInstanceOf(Date);
    expect(got.ValidUntil).toEqual(new Date('2030-06-30T00:00:00Z'));
    expect(got.Tags).toEqual([{ Key: 'team', Value: 'red' }]);
  });

  it('a name already taken is EntityAlreadyExists (409)', async () => {
    const { name } = await createProvider();
    await expectError(
      () => env.iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: DOCUMENT })),
      {
        name: 'EntityAlreadyExistsException',
        status: 409,
        message: `Provider with name ${name} already exists.`,
      },
    );
  });

  it('a document that is not SAML metadata is InvalidInput (400)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new CreateSAMLProviderCommand({
            Name: unique('bad'),
            SAMLMetadataDocument: `<html>${'x'.repeat(1000)}</html>`,
          }),
        ),
      { name: 'InvalidInputException', status: 400, message: 'Could not parse metadata' },
    );
  });

  it('a document under 1000 characters is ValidationError (400)', async () => {
    await expectError(
      () =>
        env.iam.send(new CreateSAMLProviderCommand({ Name: unique('short'), SAMLMetadataDocument: '<x/>' })),
      {
        name: 'ValidationError',
        status: 400,
        message:
          "1 validation error detected: Value at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000",
      },
    );
  });

  it('Get: an unknown ARN is NoSuchEntity (404), as recorded', async () => {
    await expectError(
      () => env.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: missingArn })),
      manifestNotFound(missingArn),
    );
  });
});

describe('UpdateSAMLProvider', () => {
  it('replaces the document and answers with the ARN, as recorded', async () => {
    const { arn } = await createProvider();
    const next = metadata('https://idp.example.com/rotated', '2031-01-01T00:00:00Z');
    const out = await env.iam.send(
      new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, SAMLMetadataDocument: next }),
    );
    expect(out.SAMLProviderArn).toBe(arn);
    const got = await env.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got.SAMLMetadataDocument).toBe(next);
    expect(got.ValidUntil).toEqual(new Date('2031-01-01T00:00:00Z'));
  });

  it('an unknown ARN is NoSuchEntity (404)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new UpdateSAMLProviderCommand({ SAMLProviderArn: missingArn, SAMLMetadataDocument: DOCUMENT }),
        ),
      manifestNotFound(missingArn),
    );
  });
});

describe('ListSAMLProviders', () => {
  it('lists the ARN, ValidUntil and CreateDate of each provider, as recorded', async () => {
    const { arn } = await createProvider();
    const { SAMLProviderList } = await env.iam.send(new ListSAMLProvidersCommand({}));
    const entry = SAMLProviderList!.find((p) => p.Arn === arn)!;
    expect(entry.ValidUntil).toEqual(new Date('2030-06-30T00:00:00Z'));
    expect(entry.CreateDate).toBeInstanceOf(Date);
  });

  it('a caller without iam:ListSAMLProviders is AccessDenied (403)', async () => {
    const caller = await userClients(env);
    await expectError(
      () => caller.iam.send(new ListSAMLProvidersCommand({})),
      accessDenied(caller.userArn, 'iam:ListSAMLProviders', '*'),
    );
  });
});

describe('DeleteSAMLProvider', () => {
  it('deletes; deleting again is NoSuchEntity (404), as recorded', async () => {
    const { arn } = await createProvider();
    const out = await env.iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(
      () => env.iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn })),
      manifestNotFound(arn),
    );
  });
});

describe('TagSAMLProvider, UntagSAMLProvider, ListSAMLProviderTags', () => {
  it('tags, lists in key order and pages, and untags', async () => {
    const { arn } = await createProvider();
    await env.iam.send(
      new TagSAMLProviderCommand({
        SAMLProviderArn: arn,
        Tags: [
          { Key: 'b', Value: '2' },
          { Key: 'a', Value: '1' },
        ],
      }),
    );
    const first = await env.iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn, MaxItems: 1 }));
    expect(first).toMatchObject({ Tags: [{ Key: 'a', Value: '1' }], IsTruncated: true });
    const second = await env.iam.send(
      new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ Tags: [{ Key: 'b', Value: '2' }], IsTruncated: false });
    await env.iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arn, TagKeys: ['a'] }));
    expect((await env.iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn }))).Tags).toEqual([
      { Key: 'b', Value: '2' },
    ]);
  });

  it('an unknown ARN is NoSuchEntity (404) for each of them', async () => {
    const missing = { name: 'NoSuchEntityException', status: 404 };
    await expectError(
      () =>
        env.iam.send(
          new TagSAMLProviderCommand({ SAMLProviderArn: missingArn, Tags: [{ Key: 'k', Value: 'v' }] }),
        ),
      missing,
    );
    await expectError(
      () => env.iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: missingArn, TagKeys: ['k'] })),
      missing,
    );
    await expectError(
      () => env.iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: missingArn })),
      missing,
    );
  });
});
