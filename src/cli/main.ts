import { auditCommand } from './audit.js';
import type { CommandIo } from './io.js';
import { policyValidateCommand } from './policy-validate.js';
import { serveCommand } from './serve.js';
import { simulateCommand } from './simulate.js';

const USAGE = `usage: iamd <command>

commands:
  serve                      run the server (see docs/configuration.md)
  simulate --batch FILE      evaluate a scenario file (docs/scenario-format.md)
  policy validate FILE...    report the faults in policy documents
  audit verify|tail|search|export   read and check the audit trail (docs/audit.md)
`;

/** Runs the `iamd` command line and returns the exit code. */
export async function main(args: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'serve':
      return serveCommand(rest, io);
    case 'simulate':
      return simulateCommand(rest, io);
    case 'audit':
      return auditCommand(rest, io);
    case 'policy':
      if (rest[0] === 'validate') return policyValidateCommand(rest.slice(1), io);
      io.stderr.write(USAGE);
      return 2;
    case undefined:
    case 'help':
    case '--help':
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr.write(`iamd: unknown command \`${command}\`\n${USAGE}`);
      return 2;
  }
}
