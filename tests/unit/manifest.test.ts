import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, extensionIdFromKey } from '../../lib/config/extension-id';

describe('manifest key', () => {
  it('fixes the extension ID the README and policies name', async () => {
    const key = readFileSync('extension-key.pub', 'utf8').trim();
    expect(await extensionIdFromKey(key)).toBe(EXTENSION_ID);
    expect(readFileSync('README.md', 'utf8')).toContain(EXTENSION_ID);
  });

  it('commits only a public key', () => {
    const key = readFileSync('extension-key.pub', 'utf8');
    expect(key).not.toMatch(/PRIVATE/);
    expect(key.trim()).toMatch(/^MIIBIjAN[A-Za-z0-9+/=]+$/);
  });

  it('declares a managed storage schema for the policy keys', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([
      'agent',
      'endpoints',
      'hub',
      'lockSettings',
      'redaction',
      'sites',
      'surface',
      'surfaceLocked',
      'taxonomy',
      'urlMode',
    ]);
  });
});
