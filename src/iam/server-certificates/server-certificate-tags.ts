import { taggingOperations } from '../oidc-providers/tagging.js';
import { authorizedServerCertificate } from './server-certificate-access.js';
import { checkExistingName } from './server-certificate-fields.js';

/** TagServerCertificate, UntagServerCertificate and ListServerCertificateTags. */
export const SERVER_CERTIFICATE_TAGGING = taggingOperations<{ ServerCertificateName: string }>({
  type: 'server-certificate',
  noun: 'ServerCertificate',
  check: (input) => checkExistingName(input.ServerCertificateName),
  authorized: async (ctx, action, input, extra) =>
    (await authorizedServerCertificate(ctx, action, input.ServerCertificateName, extra)).id,
});
