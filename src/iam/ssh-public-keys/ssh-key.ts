import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { AwsError } from '../../errors/aws-error.js';

/** How a public key is written: an OpenSSH `ssh-rsa AAAA… comment` line, or a PEM public key. */
export type KeyEncoding = 'SSH' | 'PEM';

/** An uploaded key, read. */
export interface SshPublicKey {
  readonly encoding: KeyEncoding;
  readonly key: KeyObject;
  /** The key in SSH wire format (RFC 4253 section 6.6): `string "ssh-rsa"`, `mpint e`, `mpint n`. */
  readonly blob: Buffer;
}

/** IAM takes RSA keys of at least 2048 bits (API reference, UploadSSHPublicKey). */
const MIN_BITS = 2048;
const SSH_RSA = 'ssh-rsa';
// `TYPE BASE64 [COMMENT]`, where TYPE is an SSH key algorithm name (ssh-rsa, ssh-ed25519, ecdsa-sha2-nistp256, …).
const SSH_LINE = /^((?:ssh|ecdsa|sk)-[a-z0-9@.-]+) +([A-Za-z0-9+/]+={0,2})(?: +[^\r\n]*)?$/;

/** Neither an OpenSSH line nor PEM (message from the API reference's description of the error). */
function unrecognized(): AwsError {
  return new AwsError(
    'UnrecognizedPublicKeyEncoding',
    'The public key encoding format is unsupported or unrecognized.',
  );
}

/** Readable, but not an RSA key IAM accepts (message from the API reference's description of the error). */
function invalid(): AwsError {
  return new AwsError('InvalidPublicKey', 'The public key is malformed or otherwise invalid.');
}

/** Reads an uploaded SSH public key, in OpenSSH or PEM form; throws AWS's errors for anything else. */
export function parseSshPublicKey(body: string): SshPublicKey {
  const text = body.trim();
  if (text.startsWith('-----BEGIN ')) return fromPem(text);
  const line = SSH_LINE.exec(text);
  if (line === null) throw unrecognized();
  if (line[1] !== SSH_RSA) throw invalid();
  const blob = Buffer.from(line[2]!, 'base64');
  const fields = readStrings(blob);
  if (fields?.length !== 3 || fields[0]!.toString('latin1') !== SSH_RSA) throw invalid();
  let key: KeyObject;
  try {
    key = createPublicKey({
      key: {
        kty: 'RSA',
        e: unsigned(fields[1]!).toString('base64url'),
        n: unsigned(fields[2]!).toString('base64url'),
      },
      format: 'jwk',
    });
  } catch {
    throw invalid();
  }
  return checked({ encoding: 'SSH', key, blob });
}

function fromPem(text: string): SshPublicKey {
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw unrecognized();
  }
  if (key.asymmetricKeyType !== 'rsa') throw invalid();
  return checked({ encoding: 'PEM', key, blob: sshBlob(key) });
}

function checked(parsed: SshPublicKey): SshPublicKey {
  if ((parsed.key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_BITS) throw invalid();
  return parsed;
}

/** The MD5 fingerprint of the key's SSH wire format, as `ssh-keygen -l -E md5` prints it (without `MD5:`). */
export function fingerprintOf(parsed: SshPublicKey): string {
  return createHash('md5').update(parsed.blob).digest('hex').match(/../g)!.join(':');
}

/**
 * The key written in `encoding`: as uploaded when that is how it was uploaded, otherwise converted (an
 * `ssh-rsa` line, or a PEM SubjectPublicKeyInfo).
 */
export function encoded(body: string, encoding: KeyEncoding): string {
  const parsed = parseSshPublicKey(body);
  if (parsed.encoding === encoding) return body;
  if (encoding === 'SSH') return `${SSH_RSA} ${parsed.blob.toString('base64')}`;
  return parsed.key.export({ type: 'spki', format: 'pem' }).toString();
}

/** The SSH wire format of an RSA key. */
function sshBlob(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.concat([
    sshString(Buffer.from(SSH_RSA, 'latin1')),
    sshString(mpint(Buffer.from(jwk.e!, 'base64url'))),
    sshString(mpint(Buffer.from(jwk.n!, 'base64url'))),
  ]);
}

function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** A positive integer as an SSH mpint: big-endian, with a zero byte in front when the top bit is set. */
function mpint(bytes: Buffer): Buffer {
  const trimmed = unsigned(bytes);
  return trimmed.length > 0 && trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
}

/** The bytes of an mpint without its leading zero bytes. */
function unsigned(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

/** The length-prefixed strings a blob is made of, or `undefined` when it is not made of whole strings. */
function readStrings(blob: Buffer): Buffer[] | undefined {
  const out: Buffer[] = [];
  let at = 0;
  while (at < blob.length) {
    if (at + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(at);
    if (at + 4 + length > blob.length) return undefined;
    out.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}
