// IP address condition operators, as the AWS IAM documentation specifies them (standard CIDR notation, IPv4 and
// IPv6; an address without a prefix means /32):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
// Several values for one key are ORed, and NORed for NotIpAddress:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
import { conditionTable, type ConditionRow } from './test-support/table.js';

const IP = 'aws:SourceIp';
const BOTH = ['203.0.113.0/24', '2001:DB8:1234:5678::/64'];

// prettier-ignore
const rows: readonly ConditionRow[] = [
  // IPv4 blocks.
  { name: 'an address inside a /24', operator: 'IpAddress', key: IP, values: '203.0.113.0/24', context: { [IP]: '203.0.113.1' }, expect: true },
  { name: 'the last address of a /24', operator: 'IpAddress', key: IP, values: '203.0.113.0/24', context: { [IP]: '203.0.113.255' }, expect: true },
  { name: 'the first address after a /24', operator: 'IpAddress', key: IP, values: '203.0.113.0/24', context: { [IP]: '203.0.114.0' }, expect: false },
  { name: 'the last address of a /25', operator: 'IpAddress', key: IP, values: '198.51.100.0/25', context: { [IP]: '198.51.100.127' }, expect: true },
  { name: 'the first address after a /25', operator: 'IpAddress', key: IP, values: '198.51.100.0/25', context: { [IP]: '198.51.100.128' }, expect: false },
  { name: 'the top of a /8', operator: 'IpAddress', key: IP, values: '10.0.0.0/8', context: { [IP]: '10.255.255.255' }, expect: true },
  { name: 'just outside a /8', operator: 'IpAddress', key: IP, values: '10.0.0.0/8', context: { [IP]: '11.0.0.0' }, expect: false },
  { name: '0.0.0.0/0 holds every IPv4 address', operator: 'IpAddress', key: IP, values: '0.0.0.0/0', context: { [IP]: '198.51.100.200' }, expect: true },
  { name: 'a single address without a prefix is a /32', operator: 'IpAddress', key: IP, values: '192.0.2.10', context: { [IP]: '192.0.2.10' }, expect: true },
  { name: 'a single address does not hold its neighbour', operator: 'IpAddress', key: IP, values: '192.0.2.10', context: { [IP]: '192.0.2.11' }, expect: false },
  { name: 'an explicit /32 holds its own address', operator: 'IpAddress', key: IP, values: '192.0.2.10/32', context: { [IP]: '192.0.2.10' }, expect: true },

  // IPv6 blocks.
  { name: 'an IPv6 address in a /64 (hex case ignored)', operator: 'IpAddress', key: IP, values: BOTH, context: { [IP]: '2001:db8:1234:5678::1' }, expect: true },
  { name: 'the last IPv6 address of a /64', operator: 'IpAddress', key: IP, values: BOTH, context: { [IP]: '2001:DB8:1234:5678:FFFF:FFFF:FFFF:FFFF' }, expect: true },
  { name: 'an IPv6 address in the next /64', operator: 'IpAddress', key: IP, values: BOTH, context: { [IP]: '2001:db8:1234:5679::1' }, expect: false },
  { name: 'the uncompressed IPv6 form is the same address', operator: 'IpAddress', key: IP, values: BOTH, context: { [IP]: '2001:0db8:1234:5678:0000:0000:0000:0001' }, expect: true },
  { name: 'an IPv4 address against a mixed list', operator: 'IpAddress', key: IP, values: BOTH, context: { [IP]: '203.0.113.77' }, expect: true },
  { name: 'an IPv4 address outside a mixed list', operator: 'IpAddress', key: IP, values: BOTH, context: { [IP]: '192.0.2.1' }, expect: false },
  { name: '::/0 holds every IPv6 address', operator: 'IpAddress', key: IP, values: '::/0', context: { [IP]: '2001:db8::1' }, expect: true },
  { name: 'an IPv6 /128 holds its own address', operator: 'IpAddress', key: IP, values: '2001:db8::1/128', context: { [IP]: '2001:db8::1' }, expect: true },
  { name: 'an IPv6 /128 does not hold its neighbour', operator: 'IpAddress', key: IP, values: '2001:db8::1/128', context: { [IP]: '2001:db8::2' }, expect: false },
  { name: 'an IPv4 address is not in an IPv6 block', operator: 'IpAddress', key: IP, values: '2001:db8::/32', context: { [IP]: '203.0.113.1' }, expect: false },
  { name: 'an IPv6 address is not in 0.0.0.0/0', operator: 'IpAddress', key: IP, values: '0.0.0.0/0', context: { [IP]: '2001:db8::1' }, expect: false },

  // Missing keys, IfExists and bad request values.
  { name: 'a missing key does not match', operator: 'IpAddress', key: IP, values: '203.0.113.0/24', context: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, expect: false },
  { name: 'IfExists holds when the key is missing', operator: 'IpAddressIfExists', key: IP, values: '203.0.113.0/24', context: {}, expect: true },
  { name: 'IfExists still compares a present key', operator: 'IpAddressIfExists', key: IP, values: '203.0.113.0/24', context: { [IP]: '198.51.100.1' }, expect: false },
  { name: 'key names are case-insensitive', operator: 'IpAddress', key: 'aws:sourceip', values: '203.0.113.0/24', context: { 'AWS:SourceIP': '203.0.113.9' }, expect: true },
  { name: 'a request value that is not an address does not match', operator: 'IpAddress', key: IP, values: '0.0.0.0/0', context: { [IP]: 'not-an-ip' }, expect: false },
  { name: 'an octet above 255 is not an address', operator: 'IpAddress', key: IP, values: '0.0.0.0/0', context: { [IP]: '203.0.113.256' }, expect: false },

  // NotIpAddress.
  { name: 'not-ip holds outside the block', operator: 'NotIpAddress', key: IP, values: '10.0.0.0/8', context: { [IP]: '172.16.0.1' }, expect: true },
  { name: 'not-ip fails inside the block', operator: 'NotIpAddress', key: IP, values: '10.0.0.0/8', context: { [IP]: '10.1.2.3' }, expect: false },
  { name: 'not-ip fails inside any one of several blocks (NOR)', operator: 'NotIpAddress', key: IP, values: ['192.0.2.0/24', '203.0.113.0/24'], context: { [IP]: '203.0.113.5' }, expect: false },
  { name: 'not-ip holds outside all of several blocks', operator: 'NotIpAddress', key: IP, values: ['192.0.2.0/24', '203.0.113.0/24'], context: { [IP]: '198.51.100.7' }, expect: true },
  { name: 'not-ip fails for an IPv6 address inside the block', operator: 'NotIpAddress', key: IP, values: '2001:db8::/32', context: { [IP]: '2001:db8:ffff::1' }, expect: false },
  { name: 'not-ip holds when the key is missing', operator: 'NotIpAddress', key: IP, values: '10.0.0.0/8', context: {}, expect: true },
];

conditionTable('IP address condition operators', rows);
