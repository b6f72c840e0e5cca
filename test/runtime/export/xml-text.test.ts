import { describe, expect, it } from 'vitest';
import { xesKey, xmlAttributeValue } from '../../../runtime/export/xml-text.ts';
import { itWithXsd, validateXes } from './fixtures.ts';

describe('xmlAttributeValue', () => {
  it('escapes markup and keeps tab, line feed and carriage return as references', () => {
    expect(xmlAttributeValue(`a<b>&"c"'d'\te\nf\rg`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#9;e&#10;f&#13;g');
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD, keeping valid surrogate pairs', () => {
    expect(xmlAttributeValue('\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF')).toBe('\uFFFD'.repeat(7));
    expect(xmlAttributeValue('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(xmlAttributeValue('emoji \u{1F600} é')).toBe('emoji \u{1F600} é');
  });

  itWithXsd('gives text xmllint reads back in a valid log', () => {
    const value = xmlAttributeValue('\u0001<&>"\uD800\u{1F600}\n');
    expect(validateXes(`<log xes.version="1.0"><string key="k" value="${value}"/></log>`)).toEqual({ valid: true, output: '' });
  });
});

describe('xesKey', () => {
  it('makes any member name an xs:Name of safe ASCII characters', () => {
    expect(xesKey('data:severity')).toBe('data:severity');
    expect(xesKey('data:odd key/é')).toBe('data:odd_key__');
    expect(xesKey('9lives')).toBe('_9lives');
    expect(xesKey('-x')).toBe('_-x');
    expect(xesKey('')).toBe('_');
  });
});
