import { describe, expect, it } from 'vitest';
import { changedFields, describeChanged, ENDPOINT_FIELDS, TAG_FIELDS } from '../../lib/config/changes';
import type { Endpoint, TaxonomyTag } from '../../lib/config/settings';

// "Saving says what changed" (issue 21): the options page names the fields an edit changed.
const endpoint: Endpoint = {
  id: 'hub',
  name: 'Hub',
  url: 'https://hub.example.com/v1/webhook',
  secret: 'whsec_a',
};

describe('changedFields and describeChanged', () => {
  it('names the changed endpoint fields in page order, arrays by value', () => {
    const after: Endpoint = {
      ...endpoint,
      url: 'https://hub.example.org/v1/webhook',
      secret: 'whsec_b',
      tags: ['bug'],
    };
    expect(changedFields(endpoint, after, ENDPOINT_FIELDS)).toEqual(['URL', 'secret', 'routed tags']);
    expect(
      changedFields({ ...endpoint, tags: ['bug'] }, { ...endpoint, tags: ['bug'] }, ENDPOINT_FIELDS),
    ).toEqual([]);
  });

  it('treats an absent optional field and an empty one as the same', () => {
    const tag: TaxonomyTag = { id: 'bug', label: 'Bug', category: 'Insight' };
    expect(changedFields(tag, { ...tag, hotkey: undefined }, TAG_FIELDS)).toEqual([]);
    expect(changedFields(tag, { ...tag, hotkey: 'b', color: '#112233' }, TAG_FIELDS)).toEqual([
      'hotkey',
      'colour',
    ]);
  });

  it('reads as a sentence', () => {
    expect(describeChanged([])).toBe('nothing changed');
    expect(describeChanged(['URL'])).toBe('URL changed');
    expect(describeChanged(['URL', 'secret'])).toBe('URL and secret changed');
    expect(describeChanged(['name', 'URL', 'format'])).toBe('name, URL and format changed');
  });
});
