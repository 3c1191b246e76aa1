import { describe, expect, it } from 'vitest';
import { numberedChildren, parseForm } from './form.js';

describe('parseForm', () => {
  it('splits dotted names into a tree', () => {
    const root = parseForm('Tags.member.1.Key=k&Tags.member.1.Value=v&UserName=alice');
    expect(root.children.get('UserName')!.value).toBe('alice');
    const item = root.children.get('Tags')!.children.get('member')!.children.get('1')!;
    expect(item.children.get('Key')!.value).toBe('k');
    expect(item.children.get('Value')!.value).toBe('v');
  });

  it('keeps a value and children on the same name', () => {
    const root = parseForm('Tags=&Tags.member.1=x');
    expect(root.children.get('Tags')!.value).toBe('');
    expect(root.children.get('Tags')!.children.size).toBe(1);
  });

  it('decodes form encoding and tolerates broken escapes', () => {
    expect(parseForm('a=%41+b%2B').children.get('a')!.value).toBe('A b+');
    expect(parseForm('a=%ZZ%').children.get('a')!.value).toBe('%ZZ%');
  });

  it('accepts parameters already parsed', () => {
    expect(parseForm(new URLSearchParams({ a: '1' })).children.get('a')!.value).toBe('1');
  });
});

describe('numberedChildren', () => {
  it('orders items numerically and drops names that are not positive integers', () => {
    const list = parseForm('m.10=c&m.2=b&m.1=a&m.0=z&m.01=y&m.x=w').children.get('m')!;
    expect(numberedChildren(list).map((n) => n.value)).toEqual(['a', 'b', 'c']);
  });
});
