/** Where a command writes. Passed in, so commands can be tested without a process. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}
