import { describe, expect, it } from 'vitest';
import { ConceptMapper } from '../../server/themes/concepts';
import { noteTerms, tokenize } from '../../server/themes/normalize';
import { baseForms, WordNet } from '../../server/themes/wordnet';

const mapper = new ConceptMapper();
const shared = (a: string, b: string) => {
  const fb = mapper.features(b);
  return [...mapper.features(a).keys()].filter((f) => fb.has(f) && !f.startsWith('p:'));
};

describe('note normalization', () => {
  it('lower-cases, drops redaction placeholders and punctuation, and writes out shorthand', () => {
    expect(tokenize("Cust can't log in w/ 2FA, code sent to [email] & [phone]!!")).toEqual([
      'customer',
      'cant',
      'log',
      'in',
      'with',
      '2fa',
      'code',
      'sent',
      'to',
      'and',
    ]);
    expect(tokenize('acct locked, pls reset pwd')).toEqual([
      'account',
      'locked',
      'please',
      'reset',
      'password',
    ]);
  });

  it('matches support phrases before dropping stop words, then drops them', () => {
    expect(noteTerms('cust wants read-only access for their accountant')).toEqual([
      { kind: 'concept', value: 'readonly' },
      { kind: 'concept', value: 'permission' },
      { kind: 'concept', value: 'accountant' },
    ]);
    expect(noteTerms('says they cannot sign in again')).toEqual([
      { kind: 'concept', value: 'signin' },
      { kind: 'concept', value: 'again' },
    ]);
  });

  it('finds base forms the way WordNet morphy does', () => {
    expect(baseForms('shipping')).toContain('ship');
    expect(baseForms('deliveries')).toContain('delivery');
    expect(baseForms('boxes')).toContain('box');
  });
});

describe('word knowledge', () => {
  it('puts support synonyms on one concept', () => {
    expect(shared('read-only user for the accountant', 'view only login for the bookkeeper')).toEqual(
      expect.arrayContaining(['c:readonly', 'c:accountant']),
    );
    expect(shared('the bill is wrong', 'invoice has an error')).toContain('c:invoice');
    expect(shared('where is my refund', 'still waiting on the reimbursement')).toContain('c:refund');
    expect(shared('cant log in', 'unable to sign in')).toContain('c:signin');
  });

  it('joins WordNet synonyms through their most frequent sense', () => {
    expect(mapper.synsetOf('purchase')).not.toBeNull();
    expect(mapper.synsetOf('buy')).toBe(mapper.synsetOf('purchase'));
    expect(mapper.synsetOf('mistake')).toBe(mapper.synsetOf('error'));
  });

  it('does not trust a sense the tagged corpus never saw (toaster is first a wassailer in WordNet)', () => {
    expect(mapper.synsetOf('toaster')).toBeNull();
    expect(mapper.synsetOf('qwertyuiop')).toBeNull();
  });

  it('reads WordNet lazily: nothing cached before a lookup, one entry per word after', () => {
    const wordnet = new WordNet();
    expect(wordnet.cacheSize()).toEqual({ lookups: 0, synsets: 0 });
    const top = wordnet.topSense('refund');
    expect(top?.pos).toBe('noun');
    expect(wordnet.synsetWords(top?.offset as string, 'noun')).toContain('refund');
    expect(wordnet.cacheSize()).toEqual({ lookups: 1, synsets: 1 });
    expect(wordnet.topSense('crash')?.pos).toBeDefined();
    expect(wordnet.topSense('zzzzunknown')).toBeNull();
    wordnet.close();
  });
});
