import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { deleteServerCertificate } from './delete-server-certificate.js';
import { getServerCertificate } from './get-server-certificate.js';
import { listServerCertificates } from './list-server-certificates.js';
import { SERVER_CERTIFICATE_TAGGING } from './server-certificate-tags.js';
import { updateServerCertificate } from './update-server-certificate.js';
import { uploadServerCertificate } from './upload-server-certificate.js';

/** The server certificate operations. */
export const SERVER_CERTIFICATE_OPERATIONS: OperationTable<IAMOperations> = {
  UploadServerCertificate: uploadServerCertificate,
  GetServerCertificate: getServerCertificate,
  UpdateServerCertificate: updateServerCertificate,
  DeleteServerCertificate: deleteServerCertificate,
  ListServerCertificates: listServerCertificates,
  TagServerCertificate: SERVER_CERTIFICATE_TAGGING.tag,
  UntagServerCertificate: SERVER_CERTIFICATE_TAGGING.untag,
  ListServerCertificateTags: SERVER_CERTIFICATE_TAGGING.list,
};
