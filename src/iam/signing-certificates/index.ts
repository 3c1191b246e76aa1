import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { deleteSigningCertificate } from './delete-signing-certificate.js';
import { listSigningCertificates } from './list-signing-certificates.js';
import { updateSigningCertificate } from './update-signing-certificate.js';
import { uploadSigningCertificate } from './upload-signing-certificate.js';

/** The signing certificate operations. */
export const SIGNING_CERTIFICATE_OPERATIONS: OperationTable<IAMOperations> = {
  UploadSigningCertificate: uploadSigningCertificate,
  UpdateSigningCertificate: updateSigningCertificate,
  DeleteSigningCertificate: deleteSigningCertificate,
  ListSigningCertificates: listSigningCertificates,
};
