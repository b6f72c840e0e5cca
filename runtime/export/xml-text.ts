// XML 1.0 text for XES: attribute values escaped, characters XML 1.0 cannot carry replaced, keys made xs:Name.

/**
 * Characters XML 1.0 forbids even as references: C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. Each becomes U+FFFD (the replacement character), so a reader
 * still sees that something was there.
 */
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute-value normalisation would turn raw tab, LF and CR into spaces: references keep them.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** A string as the content of a double-quoted XML attribute value. */
export function xmlAttributeValue(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (ch) => ESCAPES[ch] as string);
}

/**
 * An attribute key that is a valid xs:Name and safe in every XES reader: ASCII letters, digits,
 * `_`, `-`, `.` and `:`; anything else becomes `_`, and a key that would not start with a letter,
 * `_` or `:` gets a leading `_`.
 */
export function xesKey(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9_.:-]/g, '_');
  return /^[A-Za-z_:]/.test(safe) ? safe : `_${safe}`;
}
