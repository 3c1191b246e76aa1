import { describe, expect, it } from 'vitest';
import { flattened } from './flat-string.js';

describe('flattened', () => {
  it('returns the same text, whatever it was joined from', () => {
    let joined = '';
    for (let i = 0; i < 50; i++) joined += `piece ${i} é 😀,`;
    const copy = [...joined].join('');
    expect(flattened(joined)).toBe(copy);
    expect(flattened(joined).length).toBe(copy.length);
    expect(flattened('')).toBe('');
  });
});
