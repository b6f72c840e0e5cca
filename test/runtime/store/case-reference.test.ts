// The pure parts of case references: the default prefix of a key, the format, and the texts of a creation.
import { describe, expect, it } from 'vitest';
import { bodyOf, defaultReferencePrefix, formatReference, REFERENCE_PREFIX_PATTERN, referencePrefixOf, withReference } from '../../../runtime/store/case-reference.ts';

describe('case references', () => {
  it("derives a prefix from the key: its words' initials, or the first three letters of one word", () => {
    expect(['purchase-approval', 'order-inquiry', 'data-subject-request', 'complaint', 'note', 'a-b-c-d-e', 'x2', 'case2-review'].map(defaultReferencePrefix)).toEqual([
      'PA', 'OI', 'DSR', 'COM', 'NOT', 'ABCD', 'X2', 'CR',
    ]);
    for (const key of ['purchase-approval', 'complaint', 'x2', 'a-9b']) expect(defaultReferencePrefix(key)).toMatch(REFERENCE_PREFIX_PATTERN);
  });

  it("takes the definition's referencePrefix when it has one", () => {
    expect(referencePrefixOf({ key: 'purchase-approval', referencePrefix: 'PO' })).toBe('PO');
    expect(referencePrefixOf({ key: 'purchase-approval' })).toBe('PA');
  });

  it('pads the number to six digits and lets a larger one grow', () => {
    expect([formatReference('PA', 123), formatReference('COM', 1), formatReference('PA', 999_999), formatReference('PA', 1_234_567)]).toEqual([
      'PA-000123', 'COM-000001', 'PA-999999', 'PA-1234567',
    ]);
  });

  it('puts the reference first in an answer taken before it was known, and keeps it out of a stored body', () => {
    expect(withReference({ id: 'c1', revision: 1 }, 'PA-000001')).toBe('{"reference":"PA-000001","id":"c1","revision":1}');
    expect(withReference(null, 'PA-000001')).toBe('null');
    expect(bodyOf({ id: 'c1', reference: 'PA-000001', revision: 1 })).toBe('{"id":"c1","revision":1}');
    expect(bodyOf({ id: 'c1' })).toBe('{"id":"c1"}');
  });
});
