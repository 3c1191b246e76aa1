import { describe, expect, it } from 'vitest';
import { ACCESS_OPERATIONS } from './access.js';
import { EXTRA_OPERATIONS } from './credentials-extra.js';
import { IDENTITY_OPERATIONS } from './identities.js';

describe('EXTRA_OPERATIONS', () => {
  it('holds every provider, certificate, SSH key, context key and credential report operation', () => {
    expect(Object.keys(EXTRA_OPERATIONS).sort()).toEqual(
      [
        'AddClientIDToOpenIDConnectProvider',
        'CreateOpenIDConnectProvider',
        'DeleteOpenIDConnectProvider',
        'GetOpenIDConnectProvider',
        'ListOpenIDConnectProviderTags',
        'ListOpenIDConnectProviders',
        'RemoveClientIDFromOpenIDConnectProvider',
        'TagOpenIDConnectProvider',
        'UntagOpenIDConnectProvider',
        'UpdateOpenIDConnectProviderThumbprint',
        'CreateSAMLProvider',
        'DeleteSAMLProvider',
        'GetSAMLProvider',
        'ListSAMLProviderTags',
        'ListSAMLProviders',
        'TagSAMLProvider',
        'UntagSAMLProvider',
        'UpdateSAMLProvider',
        'DeleteServerCertificate',
        'GetServerCertificate',
        'ListServerCertificateTags',
        'ListServerCertificates',
        'TagServerCertificate',
        'UntagServerCertificate',
        'UpdateServerCertificate',
        'UploadServerCertificate',
        'DeleteSigningCertificate',
        'ListSigningCertificates',
        'UpdateSigningCertificate',
        'UploadSigningCertificate',
        'DeleteSSHPublicKey',
        'GetSSHPublicKey',
        'ListSSHPublicKeys',
        'UpdateSSHPublicKey',
        'UploadSSHPublicKey',
        'GetContextKeysForCustomPolicy',
        'GetContextKeysForPrincipalPolicy',
        'GenerateCredentialReport',
        'GetCredentialReport',
      ].sort(),
    );
  });

  it('overrides none of the other tables when merged', () => {
    const others = new Set([...Object.keys(IDENTITY_OPERATIONS), ...Object.keys(ACCESS_OPERATIONS)]);
    expect(Object.keys(EXTRA_OPERATIONS).filter((name) => others.has(name))).toEqual([]);
  });
});
