import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, type IAMClient } from '@aws-sdk/client-iam';
import { secretBoxFor } from '../../../src/auth/secret-box.js';
import { totpCode, totpStep } from '../../../src/auth/totp.js';
import { enableDevice, type EnableOutcome } from '../../../src/iam/mfa-devices/enable-device.js';
import type { RunningServer } from '../../../src/server/start.js';

/**
 * A server clock the test moves by hand, so that TOTP steps are deterministic: it starts in the middle of the
 * current 30 s step. Each test uses fresh devices, so the clock may go back to the real time between tests.
 */
export interface TestClock {
  readonly now: () => Date;
  /** Back to the middle of the real current step. */
  reset(): void;
  advance(steps: number): void;
  /** The server's current TOTP step. */
  step(): number;
}

export function testClock(): TestClock {
  let ms = 0;
  const clock: TestClock = {
    now: () => new Date(ms),
    reset: () => {
      ms = Math.floor(Date.now() / 30_000) * 30_000 + 15_000;
    },
    advance: (steps) => {
      ms += steps * 30_000;
    },
    step: () => totpStep(new Date(ms)),
  };
  clock.reset();
  return clock;
}

/** A virtual device's serial number and seed (Base32StringSeed is the Base32 text as bytes). */
export interface TestDevice {
  readonly serial: string;
  readonly seed: string;
}

/** Creates a virtual device and returns its serial number and seed. */
export async function newDevice(iam: IAMClient, name: string, path?: string): Promise<TestDevice> {
  const { VirtualMFADevice } = await iam.send(
    new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: path }),
  );
  return {
    serial: VirtualMFADevice!.SerialNumber!,
    seed: Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii'),
  };
}

/** The device's code for a time step, as an authenticator app computes it. */
export function codeAt(device: TestDevice, step: number): string {
  return totpCode(device.seed, step);
}

/** Enables a device for a user with the codes of `step` and `step + 1`. */
export async function enable(
  iam: IAMClient,
  userName: string,
  device: TestDevice,
  step: number,
): Promise<void> {
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: userName,
      SerialNumber: device.serial,
      AuthenticationCode1: codeAt(device, step),
      AuthenticationCode2: codeAt(device, step + 1),
    }),
  );
}

/**
 * Enables a device for the root user with the codes of the clock's step and the next one. Root's device is enabled
 * from code, as the console will: the IAM API model requires UserName in EnableMFADevice. `masterKey` must be the
 * server's (IAMD_MASTER_KEY), which seals the seed.
 */
export async function enableForRoot(
  server: RunningServer,
  masterKey: Buffer,
  accountId: string,
  device: TestDevice,
  clock: TestClock,
): Promise<EnableOutcome> {
  const step = clock.step();
  return enableDevice(
    server.store,
    secretBoxFor(masterKey),
    accountId,
    { kind: 'root' },
    device.serial,
    codeAt(device, step),
    codeAt(device, step + 1),
    clock.now(),
  );
}
