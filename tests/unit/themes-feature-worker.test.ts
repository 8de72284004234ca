import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConceptMapper } from '../../server/themes/concepts';
import { FeatureWorker } from '../../server/themes/feature-pool';

const notes = [
  'Customer wants a read-only access for the accountant',
  'a view-only user for the bookkeeper, please',
  "Cust can't log in w/ 2FA, code sent to [email]",
  'refund still not received after three weeks',
  '',
];
const mapper = new ConceptMapper();

describe('note features on a worker thread', () => {
  const counted = { fallback: 0 };
  const pool = new FeatureWorker(() => {
    counted.fallback++;
    return mapper;
  });
  afterAll(() => pool.close());

  it('answers what the in-process mapper finds, in order, without falling back', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const features = await pool.features(notes);
    expect(features).toEqual(notes.map((note) => mapper.features(note)));
    expect(features[0]?.size).toBeGreaterThan(3);
    expect(counted.fallback).toBe(0);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('keeps concurrent requests apart', async () => {
    const answers = await Promise.all(notes.map((note) => pool.features([note, note])));
    for (const [i, answer] of answers.entries()) {
      const expected = mapper.features(notes[i] as string);
      expect(answer).toEqual([expected, expected]);
    }
    expect(counted.fallback).toBe(0);
  });

  it('answers an empty request at once, without a worker', async () => {
    expect(await new FeatureWorker(() => mapper).features([])).toEqual([]);
  });
});

describe('a feature worker that cannot run', () => {
  it('answers in-process, and goes on doing so, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fallback = 0;
    const broken = new FeatureWorker(
      () => {
        fallback++;
        return mapper;
      },
      new URL('./no-such-worker.ts', import.meta.url),
    );
    const first = await broken.features(notes.slice(0, 2));
    expect(first).toEqual(notes.slice(0, 2).map((note) => mapper.features(note)));
    const second = await broken.features(notes.slice(2, 3));
    expect(second).toEqual([mapper.features(notes[2] as string)]);
    expect(fallback).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/in-process/);
    warn.mockRestore();
    await broken.close();
  });
});
