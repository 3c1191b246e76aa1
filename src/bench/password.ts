import { availableParallelism } from 'node:os';
import { hashPassword, PASSWORD_HASH_OPTIONS, verifyPassword } from '../auth/password.js';

/** The cost of checking one console password: an argon2id verification at iamd's parameters. */
export interface PasswordMeasurement {
  readonly msPerVerification: number;
  /** One at a time: what one sign-in costs. */
  readonly sequentialPerSecond: number;
  /** As many at once as the machine has cores: what a burst of sign-ins can reach. */
  readonly concurrentPerSecond: number;
  readonly concurrency: number;
}

/** Verifies a password `count` times one after another, then `count` times with `concurrency` in flight. */
export async function measurePasswordVerification(count = 40): Promise<PasswordMeasurement> {
  const hash = await hashPassword('Bench-password-1');
  for (let i = 0; i < 3; i++) await verifyPassword(hash, 'Bench-password-1');
  let start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const right = i % 2 === 0;
    if ((await verifyPassword(hash, right ? 'Bench-password-1' : 'wrong')) !== right)
      throw new Error('verification failed');
  }
  const sequentialSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const concurrency = Math.max(1, availableParallelism());
  start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await verifyPassword(hash, 'Bench-password-1');
      }
    }),
  );
  const concurrentSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    msPerVerification: (sequentialSeconds * 1000) / count,
    sequentialPerSecond: count / sequentialSeconds,
    concurrentPerSecond: count / concurrentSeconds,
    concurrency,
  };
}

/** Prints the password figures. */
export async function passwordTable(): Promise<void> {
  const m = await measurePasswordVerification();
  const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_OPTIONS;
  console.log(`password verification: argon2id m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}`);
  console.log(
    `  ${m.msPerVerification.toFixed(1)} ms per verification; ${m.sequentialPerSecond.toFixed(1)} verifications/s one at a time, ` +
      `${m.concurrentPerSecond.toFixed(1)}/s with ${m.concurrency} in flight`,
  );
}
