/**
 * Text as XML 1.0 element content or attribute value. Markup characters become entities; carriage returns
 * become `&#xD;` so that an XML parser's line-end normalisation does not turn them into line feeds; characters
 * XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
 */
export function xmlText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point.
    /[&<>"'\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu,
    (c) => {
      switch (c) {
        case '&':
          return '&amp;';
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        case '"':
          return '&quot;';
        case "'":
          return '&apos;';
        case '\r':
          return '&#xD;';
        default:
          // With the `u` flag a valid surrogate pair is one code point and does not match; only lone ones do.
          return '\uFFFD';
      }
    },
  );
}
