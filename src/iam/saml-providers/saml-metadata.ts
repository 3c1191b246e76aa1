import { AwsError } from '../../errors/aws-error.js';

/** The namespace of SAML 2.0 metadata (OASIS saml-metadata-2.0-os, section 2.1). */
const METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';

/** What IAM keeps from a SAML metadata document. */
export interface SamlMetadata {
  /** The root's `validUntil` attribute, when it has a valid one. */
  readonly validUntil: Date | undefined;
}

/** A start tag: the element's qualified name and its attributes. */
interface StartTag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
const ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[\da-fA-F]+);)/;

/** AWS's answer to a document that is not SAML metadata (unverified wording: see the report). */
function unparseable(): AwsError {
  return new AwsError('InvalidInput', 'Could not parse metadata');
}

/**
 * Checks that a document is well-formed XML whose root is a SAML 2.0 metadata `EntityDescriptor`, and reads its
 * `validUntil`. Document type declarations are refused: metadata never needs one, and refusing them keeps entity
 * expansion out entirely.
 */
export function parseSamlMetadata(document: string): SamlMetadata {
  const open: string[] = [];
  let root: StartTag | undefined;
  let i = 0;
  while (i < document.length) {
    const lt = document.indexOf('<', i);
    const text = document.slice(i, lt === -1 ? document.length : lt);
    if (ENTITY.test(text) || (open.length === 0 && text.trim() !== '')) throw unparseable();
    if (lt === -1) break;
    if (document.startsWith('<!--', lt)) i = after(document, '-->', lt + 4);
    else if (document.startsWith('<![CDATA[', lt) && open.length > 0) i = after(document, ']]>', lt + 9);
    else if (document.startsWith('<?', lt)) i = after(document, '?>', lt + 2);
    else if (document.startsWith('</', lt)) {
      const gt = after(document, '>', lt + 2);
      if (document.slice(lt + 2, gt - 1).trim() !== open.pop()) throw unparseable();
      i = gt;
    } else {
      const gt = tagEnd(document, lt + 1);
      const selfClosing = document[gt - 2] === '/';
      const tag = startTag(document.slice(lt + 1, selfClosing ? gt - 2 : gt - 1));
      if (open.length === 0) {
        if (root !== undefined) throw unparseable();
        root = tag;
      }
      if (!selfClosing) open.push(tag.name);
      i = gt;
    }
  }
  if (root === undefined || open.length > 0 || !isEntityDescriptor(root)) throw unparseable();
  const validUntil = root.attributes.get('validUntil');
  const date = validUntil === undefined ? undefined : new Date(validUntil);
  return { validUntil: date === undefined || Number.isNaN(date.getTime()) ? undefined : date };
}

/** The index just past the next `terminator` from `from`. */
function after(document: string, terminator: string, from: number): number {
  const at = document.indexOf(terminator, from);
  if (at === -1) throw unparseable();
  return at + terminator.length;
}

/** The index just past the `>` that closes a tag, skipping quoted attribute values. */
function tagEnd(document: string, from: number): number {
  let quote: string | undefined;
  for (let j = from; j < document.length; j++) {
    const ch = document[j];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '<') break;
    else if (ch === '>') return j + 1;
  }
  throw unparseable();
}

function startTag(body: string): StartTag {
  const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
  if (!NAME.test(name)) throw unparseable();
  const attributes = new Map<string, string>();
  const rest = body.slice(name.length);
  // Sticky: each attribute must start where the previous one ended.
  const attribute = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
  let at = 0;
  for (let m = attribute.exec(rest); m !== null; m = attribute.exec(rest)) {
    const value = m[3] ?? m[4] ?? '';
    if (attributes.has(m[1]!) || ENTITY.test(value)) throw unparseable();
    attributes.set(m[1]!, value);
    at = attribute.lastIndex;
  }
  if (rest.slice(at).trim() !== '') throw unparseable();
  return { name, attributes };
}

/** Whether the root is `EntityDescriptor` in the metadata namespace (bound to its prefix, or the default one). */
function isEntityDescriptor(root: StartTag): boolean {
  const colon = root.name.indexOf(':');
  const local = colon === -1 ? root.name : root.name.slice(colon + 1);
  const binding = colon === -1 ? 'xmlns' : `xmlns:${root.name.slice(0, colon)}`;
  return local === 'EntityDescriptor' && root.attributes.get(binding) === METADATA_NS;
}
