import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

/**
 * The characters certificate bodies, chains, private keys and SSH keys may hold: tab, line feed, carriage return
 * and printable Latin-1 (IAM API reference, e.g. UploadServerCertificate `CertificateBody`).
 */
export const CERTIFICATE_TEXT_PATTERN = String.raw`[\u0009\u000A\u000D\u0020-\u00FF]+`;

/** One `-----BEGIN LABEL----- … -----END LABEL-----` block. */
interface PemBlock {
  readonly label: string;
  readonly text: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** The PEM blocks of a text, in order, or `undefined` when the text holds anything else but white space. */
function pemBlocks(text: string): PemBlock[] | undefined {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }));
  return text.replace(PEM_BLOCK, '').trim() === '' ? blocks : undefined;
}

function certificateOf(block: PemBlock): X509Certificate | undefined {
  if (block.label !== 'CERTIFICATE') return undefined;
  try {
    return new X509Certificate(block.text);
  } catch {
    return undefined;
  }
}

/** The X.509 certificate a text holds as exactly one PEM `CERTIFICATE` block, or `undefined`. */
export function parseCertificate(text: string): X509Certificate | undefined {
  const blocks = pemBlocks(text);
  return blocks?.length === 1 ? certificateOf(blocks[0]!) : undefined;
}

/** The certificates of a chain of concatenated PEM blocks, in order, or `undefined` if any does not parse. */
export function parseCertificateChain(text: string): X509Certificate[] | undefined {
  const blocks = pemBlocks(text);
  if (blocks === undefined || blocks.length === 0) return undefined;
  const certificates = blocks.map(certificateOf);
  return certificates.every((c) => c !== undefined) ? (certificates as X509Certificate[]) : undefined;
}

/** An unencrypted PEM private key (PKCS #1, PKCS #8 or SEC 1), or `undefined`. */
export function parsePrivateKey(text: string): KeyObject | undefined {
  const blocks = pemBlocks(text);
  if (blocks?.length !== 1) return undefined;
  try {
    return createPrivateKey(blocks[0]!.text);
  } catch {
    // Encrypted keys fail here too: IAM needs the key in clear.
    return undefined;
  }
}

/** Whether `issuer` names and signed `subject`. */
export function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
}

/**
 * Where a chain breaks, as AWS reports it: the 1-based position of the first chain certificate that did not
 * issue the one before it (the body, for the first), or `undefined` when every link holds. AWS wants the
 * immediate issuer first, then each intermediate in turn.
 */
export function brokenLink(
  certificate: X509Certificate,
  chain: readonly X509Certificate[],
): number | undefined {
  let subject = certificate;
  for (const [i, issuer] of chain.entries()) {
    if (!issued(issuer, subject)) return i + 1;
    subject = issuer;
  }
  return undefined;
}

/** Whether a private key belongs to a certificate's public key. */
export function keyMatches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    // Keys of another type (an EC key for an RSA certificate) throw rather than answer false.
    return false;
  }
}
