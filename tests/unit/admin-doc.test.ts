import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../lib/config/extension-id';
import { parsePolicy } from '../../lib/config/policy';

const doc = readFileSync(new URL('../../docs/admin.md', import.meta.url), 'utf8');
const schema: unknown = JSON.parse(
  readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
);

/** The ```json block right after an HTML-comment marker, parsed. */
function blockAfter(marker: string): unknown {
  const match = doc.match(new RegExp(`<!-- ${marker} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``));
  if (!match?.[1]) throw new Error(`no json block after <!-- ${marker} --> in docs/admin.md`);
  return JSON.parse(match[1]);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const KNOWN_KEYWORDS = new Set(['type', 'properties', 'items', 'enum', 'title', 'description']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Checks a value against the subset of JSON Schema that managed_schema.json uses (type,
 * properties, items, enum), the way Chrome does; any other keyword fails loudly, so the checker
 * cannot silently pass once the schema grows. Returns one line per problem, by path.
 */
function validate(schemaNode: unknown, value: unknown, path = '(root)'): string[] {
  const node = schemaNode as Record<string, Json>;
  const unknownKeywords = Object.keys(node).filter((k) => !KNOWN_KEYWORDS.has(k));
  if (unknownKeywords.length > 0) return [`${path}: checker does not know ${unknownKeywords.join(', ')}`];
  const errors: string[] = [];
  const actual = typeOf(value);
  if (node.type !== undefined && node.type !== actual && !(node.type === 'number' && actual === 'integer')) {
    return [`${path}: expected ${String(node.type)}, got ${actual}`];
  }
  if (Array.isArray(node.enum) && !node.enum.includes(value as Json)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(node.enum)}`);
  }
  if (node.properties && actual === 'object') {
    const properties = node.properties as Record<string, Json>;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key in properties) errors.push(...validate(properties[key], child, `${path}.${key}`));
      else errors.push(`${path}.${key}: not in the schema`);
    }
  }
  if (node.items && Array.isArray(value)) {
    value.forEach((entry, index) => {
      errors.push(...validate(node.items, entry, `${path}.${index}`));
    });
  }
  return errors;
}

describe('docs/admin.md', () => {
  const example = blockAfter('example-policy') as Record<string, unknown>;

  it('the checker itself catches wrong types, enum values and unknown properties', () => {
    expect(validate(schema, { urlMode: 'everything' })).toEqual([
      '(root).urlMode: "everything" is not one of ["full","path","origin","none"]',
    ]);
    expect(validate(schema, { endpoints: [{ id: 7 }], bogus: 1 })).toEqual([
      '(root).endpoints.0.id: expected string, got integer',
      '(root).bogus: not in the schema',
    ]);
    expect(validate({ type: 'object', required: ['x'] }, {})).toEqual([
      '(root): checker does not know required',
    ]);
  });

  it('has a complete example policy that matches managed_schema.json', () => {
    expect(Object.keys(example).sort()).toEqual(['agent', 'endpoints', 'sites', 'taxonomy', 'urlMode']);
    expect(validate(schema, example)).toEqual([]);
  });

  it('whose every part Earmark accepts: parsePolicy reports no problem', () => {
    const parsed = parsePolicy(example);
    expect(parsed.problems).toEqual([]);
    expect(parsed.endpoints).toHaveLength(2);
    expect(parsed.taxonomy?.length).toBeGreaterThan(1);
  });

  it('shows the Admin console and Linux file forms consistently with the example', () => {
    const adminConsole = blockAfter('example-admin-console') as Record<string, { Value: unknown }>;
    for (const [key, wrapped] of Object.entries(adminConsole)) {
      expect(Object.keys(wrapped)).toEqual(['Value']);
      expect(wrapped.Value).toEqual(example[key]);
    }
    const file = blockAfter('example-policy-file') as {
      '3rdparty': { extensions: Record<string, Record<string, unknown>> };
    };
    const inner = file['3rdparty'].extensions[EXTENSION_ID];
    expect(inner).toBeDefined();
    for (const [key, value] of Object.entries(inner ?? {})) expect(value).toEqual(example[key]);
  });

  it('names the extension ID and every platform location', () => {
    for (const text of [
      EXTENSION_ID,
      '/etc/opt/chrome/policies/managed/',
      '/etc/chromium/policies/managed/',
      `HKLM\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`,
      `com.google.Chrome.extensions.${EXTENSION_ID}`,
      'Policy for extensions',
    ]) {
      expect(doc).toContain(text);
    }
  });
});
