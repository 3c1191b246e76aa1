import type { OperatorSpec } from './operator.js';

/** Decodes base64 to a byte string, or `undefined` when the text is not base64. */
function decodeBase64(text: string): string | undefined {
  try {
    return atob(text.trim());
  } catch {
    return undefined;
  }
}

/** `BinaryEquals`: compares base64-encoded values byte for byte. */
export const BINARY_OPERATORS: readonly OperatorSpec[] = [
  {
    name: 'BinaryEquals',
    family: 'Binary',
    negated: false,
    acceptsVariables: false,
    testsPresence: false,
    compile: (values) => {
      const wanted = new Set<string>();
      for (const template of values) {
        const bytes = decodeBase64(template.raw);
        if (bytes === undefined)
          return { code: 'InvalidConditionValue', fault: `\`${template.raw}\` is not base64.` };
        wanted.add(bytes);
      }
      return (value) => {
        const bytes = decodeBase64(value);
        return bytes === undefined ? undefined : wanted.has(bytes);
      };
    },
  },
];
