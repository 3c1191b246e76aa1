import type { OperatorSpec, ValueTest, ValueFault } from './operator.js';
import type { Template } from '../variables.js';

/** An address as an unsigned integer, with its family's width (IPv4 as a number, for speed). */
type Address = { readonly bits: 32; readonly value: number } | { readonly bits: 128; readonly value: bigint };

/** A CIDR block: the network with its host bits cleared, and the prefix length. */
type Block =
  | { readonly bits: 32; readonly network: number; readonly mask: number; readonly prefix: number }
  | { readonly bits: 128; readonly network: bigint; readonly prefix: number };

/** Parses dotted-quad IPv4 into an unsigned 32-bit number, without a regex: it runs once per request. */
function parseIpv4(text: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

/** Parses an IPv4 or IPv6 address. */
export function parseAddress(text: string): Address | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  const v6 = parseIpv6(trimmed);
  if (v6 !== undefined) return { bits: 128, value: v6 };
  return undefined;
}

/** Parses a CIDR block, or a single address (a block of one). */
export function parseBlock(text: string): Block | undefined {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (addressText === undefined || extra !== undefined) return undefined;
  const address = parseAddress(addressText);
  if (address === undefined) return undefined;
  const prefix =
    prefixText === undefined ? address.bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= address.bits)) return undefined;
  if (address.bits === 32) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    return { bits: 32, network: (address.value & mask) >>> 0, mask, prefix };
  }
  const hostBits = BigInt(128 - prefix);
  return { bits: 128, network: (address.value >> hostBits) << hostBits, prefix };
}

type V4Block = Extract<Block, { bits: 32 }>;

/** Whether an IPv4 block holds an IPv4 address (as an unsigned 32-bit number). */
function holdsV4(block: V4Block, address: number): boolean {
  return (address & block.mask) >>> 0 === block.network;
}

function contains(block: Block, address: Address): boolean {
  if (block.bits === 32) return address.bits === 32 && holdsV4(block, address.value);
  if (address.bits !== 128) return false;
  const hostBits = BigInt(128 - block.prefix);
  return (address.value >> hostBits) << hostBits === block.network;
}

function ipOperator(name: string, negated: boolean): OperatorSpec {
  return {
    name,
    family: 'IpAddress',
    negated,
    acceptsVariables: false,
    testsPresence: false,
    compile: (values: readonly Template[]): ValueTest | ValueFault => {
      const blocks: Block[] = [];
      for (const template of values) {
        const block = parseBlock(template.raw);
        if (block === undefined)
          return {
            code: 'InvalidConditionValue',
            fault: `\`${template.raw}\` is not an IP address or CIDR block.`,
          };
        blocks.push(block);
      }
      const v4Blocks = blocks.filter((b): b is V4Block => b.bits === 32);
      return (value) => {
        // The common case first, without allocating: a plain IPv4 address (no spaces) against the IPv4 blocks.
        const v4 = parseIpv4(value);
        if (v4 !== undefined) {
          for (let i = 0; i < v4Blocks.length; i++) if (holdsV4(v4Blocks[i]!, v4)) return true;
          return false;
        }
        const address = parseAddress(value);
        if (address === undefined) return undefined;
        for (let i = 0; i < blocks.length; i++) if (contains(blocks[i]!, address)) return true;
        return false;
      };
    },
  };
}

/** `IpAddress` and `NotIpAddress`, over IPv4 and IPv6. */
export const IP_OPERATORS: readonly OperatorSpec[] = [
  ipOperator('IpAddress', false),
  ipOperator('NotIpAddress', true),
];
