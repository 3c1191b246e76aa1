import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { expectAwsError } from '../test-support/access-fixtures.js';
import { SAML_PROVIDER_OPERATIONS as ops } from './index.js';

let h: Harness;
beforeEach(async () => {
  h = await harness({ now: new Date('2026-02-13T20:46:01.000Z') });
});
afterEach(() => h.ctx.close());

/** A metadata document of the size real IdPs produce (AWS requires at least 1000 characters). */
function metadata(entityId = 'https://idp.example.com/saml', validUntil?: string): string {
  const certificate = 'MIIC'.padEnd(1200, 'A');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"${
      validUntil ? ` validUntil="${validUntil}"` : ''
    }>`,
    '  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
    `      <ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data>`,
    '    </ds:KeyInfo></md:KeyDescriptor>',
    '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/>',
    '  </md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}

const ARN = 'arn:aws:iam::123456789012:saml-provider/MyIdP';
const create = (Name = 'MyIdP', extra: object = {}) =>
  ops.CreateSAMLProvider!(h.ctx, { Name, SAMLMetadataDocument: metadata(), ...extra });

describe('CreateSAMLProvider and GetSAMLProvider', () => {
  it('creates the provider and returns its ARN (recorded: create-response)', async () => {
    expect(await create()).toEqual({ SAMLProviderArn: ARN });
    expect(h.calls).toEqual([{ action: 'iam:CreateSAMLProvider', resource: ARN, context: {} }]);
  });

  it('returns the document, the dates and the tags (recorded: get-response)', async () => {
    await create();
    expect(await ops.GetSAMLProvider!(h.ctx, { SAMLProviderArn: ARN })).toEqual({
      SAMLMetadataDocument: metadata(),
      CreateDate: h.ctx.now,
      ValidUntil: new Date('2126-02-13T20:46:01.000Z'),
      Tags: [],
    });
  });

  it("takes ValidUntil from the metadata's validUntil", async () => {
    await create('Dated', { SAMLMetadataDocument: metadata(undefined, '2027-06-30T00:00:00Z') });
    const got = await ops.GetSAMLProvider!(h.ctx, {
      SAMLProviderArn: 'arn:aws:iam::123456789012:saml-provider/Dated',
    });
    expect(got.ValidUntil).toEqual(new Date('2027-06-30T00:00:00Z'));
  });

  it('returns the tags it was created with, and authorizes with them', async () => {
    const Tags = [{ Key: 'team', Value: 'red' }];
    expect(await create('MyIdP', { Tags })).toEqual({ SAMLProviderArn: ARN, Tags });
    expect(h.calls[0]?.context).toEqual({ 'aws:RequestTag/team': 'red', 'aws:TagKeys': ['team'] });
    expect((await ops.GetSAMLProvider!(h.ctx, { SAMLProviderArn: ARN })).Tags).toEqual(Tags);
  });

  it('refuses a document that is not SAML metadata', async () => {
    const notMetadata = `<html>${'x'.repeat(1000)}</html>`;
    await expectAwsError(
      create('X', { SAMLMetadataDocument: notMetadata }),
      'InvalidInput',
      'Could not parse metadata',
    );
  });

  it('checks the name and the document length together', async () => {
    await expectAwsError(
      create('bad name', { SAMLMetadataDocument: '<x/>' }),
      'ValidationError',
      "2 validation errors detected: Value at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000; Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+",
    );
  });

  it('refuses a second provider of the same name', async () => {
    await create();
    await expectAwsError(create(), 'EntityAlreadyExists', 'Provider with name MyIdP already exists.');
  });

  it('stops at 100 providers per account', async () => {
    for (let i = 0; i < 100; i++) await create(`idp-${i}`);
    await expectAwsError(
      create('one-more'),
      'LimitExceeded',
      'Cannot exceed quota for SAMLProvidersPerAccount: 100',
    );
  });

  it('says NoSuchEntity with AWS wording for an unknown ARN (recorded: get-not-found)', async () => {
    const missing = 'arn:aws:iam::123456789012:saml-provider/NonExistentProvider';
    await expectAwsError(
      ops.GetSAMLProvider!(h.ctx, { SAMLProviderArn: missing }),
      'NoSuchEntity',
      `Manifest not found for arn ${missing}`,
    );
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([['iam:GetSAMLProvider', missing]]);
  });
});

describe('UpdateSAMLProvider, ListSAMLProviders and DeleteSAMLProvider', () => {
  it('replaces the document and answers with the ARN (recorded: update-response)', async () => {
    await create();
    const next = metadata('https://idp.example.com/rotated');
    expect(
      await ops.UpdateSAMLProvider!(h.ctx, { SAMLProviderArn: ARN, SAMLMetadataDocument: next }),
    ).toEqual({
      SAMLProviderArn: ARN,
    });
    const got = await ops.GetSAMLProvider!(h.ctx, { SAMLProviderArn: ARN });
    expect(got.SAMLMetadataDocument).toBe(next);
    expect(got.ValidUntil).toEqual(new Date('2126-02-13T20:46:01.000Z'));
  });

  it('refuses an update that is not metadata, and one of a provider that does not exist', async () => {
    await create();
    await expectAwsError(
      ops.UpdateSAMLProvider!(h.ctx, {
        SAMLProviderArn: ARN,
        SAMLMetadataDocument: `<a>${'x'.repeat(1000)}</a>`,
      }),
      'InvalidInput',
      'Could not parse metadata',
    );
    const missing = 'arn:aws:iam::123456789012:saml-provider/Nope';
    await expectAwsError(
      ops.UpdateSAMLProvider!(h.ctx, { SAMLProviderArn: missing, SAMLMetadataDocument: metadata() }),
      'NoSuchEntity',
      `Manifest not found for arn ${missing}`,
    );
  });

  it('lists ARN, ValidUntil and CreateDate (recorded: list-response), then deletes', async () => {
    await create();
    expect(await ops.ListSAMLProviders!(h.ctx, {})).toEqual({
      SAMLProviderList: [
        { Arn: ARN, ValidUntil: new Date('2126-02-13T20:46:01.000Z'), CreateDate: h.ctx.now },
      ],
    });
    expect(await ops.DeleteSAMLProvider!(h.ctx, { SAMLProviderArn: ARN })).toEqual({});
    expect(await ops.ListSAMLProviders!(h.ctx, {})).toEqual({ SAMLProviderList: [] });
    await expectAwsError(
      ops.DeleteSAMLProvider!(h.ctx, { SAMLProviderArn: ARN }),
      'NoSuchEntity',
      `Manifest not found for arn ${ARN}`,
    );
  });
});

describe('SAML provider tags', () => {
  it('tags, lists and untags, authorizing with the resource tags', async () => {
    await create();
    const ref = { SAMLProviderArn: ARN };
    await ops.TagSAMLProvider!(h.ctx, {
      ...ref,
      Tags: [
        { Key: 'b', Value: '2' },
        { Key: 'a', Value: '1' },
      ],
    });
    expect(await ops.ListSAMLProviderTags!(h.ctx, ref)).toEqual({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      IsTruncated: false,
    });
    h.calls.length = 0;
    await ops.UntagSAMLProvider!(h.ctx, { ...ref, TagKeys: ['a'] });
    expect(h.calls).toEqual([
      {
        action: 'iam:UntagSAMLProvider',
        resource: ARN,
        context: { 'aws:ResourceTag/a': '1', 'aws:ResourceTag/b': '2', 'aws:TagKeys': ['a'] },
      },
    ]);
    expect((await ops.ListSAMLProviderTags!(h.ctx, ref)).Tags).toEqual([{ Key: 'b', Value: '2' }]);
    await ops.DeleteSAMLProvider!(h.ctx, ref);
    await create();
    expect((await ops.ListSAMLProviderTags!(h.ctx, ref)).Tags).toEqual([]);
  });
});
