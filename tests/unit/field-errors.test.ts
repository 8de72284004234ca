import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../lib/config/field-errors';

// Inline validation (issue 21): each field's problem is shown next to that field.
describe('fieldErrors', () => {
  it('gives each top-level field its messages', () => {
    expect(
      fieldErrors('url: must be an https URL (plain http only for localhost); secret: too short'),
    ).toEqual({
      url: 'must be an https URL (plain http only for localhost)',
      secret: 'too short',
    });
    expect(fieldErrors('tags.0: unknown tag; tags.1: unknown tag')).toEqual({
      tags: 'unknown tag; unknown tag',
    });
  });

  it('keeps a message without a field for the form, and nothing for no message', () => {
    expect(fieldErrors('no endpoint "x"')).toEqual({ '(form)': 'no endpoint "x"' });
    expect(fieldErrors('(root): bad')).toEqual({ '(form)': '(root): bad' });
    expect(fieldErrors(null)).toEqual({});
  });
});
