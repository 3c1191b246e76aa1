/** One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a line break (IAM user names may hold commas). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line, without its line break. */
export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}
