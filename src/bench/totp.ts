import { createHmac, randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import { matchingStep, newTotpSeed, totpCode, totpStep } from '../auth/totp.js';
import { measure, type Measurement } from './measure.js';

/** One TOTP check's inputs: a device's seed, the code presented, and the time. */
interface Check {
  readonly seed: string;
  readonly key: Buffer;
  readonly code: string;
  readonly now: Date;
}

/** 1,000 devices, each presenting a code of a random step within the window (or, one in four, a wrong code). */
function checks(): Check[] {
  const now = new Date(1_800_000_000_000);
  return Array.from({ length: 1000 }, (_, i) => {
    const seed = newTotpSeed();
    const step = totpStep(now) + ((i % 3) - 1);
    const code = i % 4 === 3 ? '000000' : totpCode(seed, step);
    return { seed, key: Buffer.from(Secret.fromBase32(seed).bytes), code, now };
  });
}

/**
 * The cost of one TOTP check as iamd makes it (Base32 seed decoded, the codes of the three steps of the ±1 window
 * computed with otpauth and compared in constant time), beside a baseline of one HMAC-SHA-1 over an 8-byte counter
 * with a 20-byte key (node:crypto): the floor of any one-code check.
 */
export function totpMeasurements(): { check: Measurement; hmac: Measurement } {
  const inputs = checks();
  const counter = randomBytes(8);
  const check = measure(
    'TOTP check (±1 step, otpauth)',
    inputs,
    (c) => matchingStep(c.seed, c.code, c.now) ?? 0,
  );
  const hmac = measure(
    'HMAC-SHA-1, 8 bytes (baseline)',
    inputs,
    (c) => createHmac('sha1', c.key).update(counter).digest().length,
  );
  return { check, hmac };
}

/** Prints the TOTP table. */
export function printTotpTable(): void {
  const { check, hmac } = totpMeasurements();
  console.log('TOTP: one MFA code check (1,000 devices; a quarter of the codes wrong) beside one HMAC-SHA-1');
  console.log(
    ['check'.padEnd(34), 'checks/s'.padStart(12), 'µs/check'.padStart(9), 'p99 µs'.padStart(8)].join('  '),
  );
  for (const m of [check, hmac]) {
    console.log(
      [
        m.name.padEnd(34),
        Math.round(m.decisionsPerSecond).toLocaleString('en-US').padStart(12),
        (1e6 / m.decisionsPerSecond).toFixed(2).padStart(9),
        m.p99Micros.toFixed(2).padStart(8),
      ].join('  '),
    );
  }
  console.log(
    `a TOTP check costs ${(hmac.decisionsPerSecond / check.decisionsPerSecond).toFixed(1)}x one HMAC`,
  );
}
