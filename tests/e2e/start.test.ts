import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ItemSchema } from '../../lib/schema';
import { DEMO_BROWSER_AGENT, DEMO_SIZE } from '../../scripts/demo-hub';
import { DEMO_PEOPLE } from '../../scripts/demo-sign-in';
import { ROOT } from '../../scripts/harness/paths';
import { secretFile } from '../../server/secret';
import { openHub } from '../../server/setup';

/** Every webhook secret the data dir holds: the hub's file and each team's active secrets. */
async function secretsIn(dataDir: string): Promise<string[]> {
  const { store } = await openHub({ dataDir });
  try {
    const active = (await store.activeSecrets(new Date())).map((s) => s.secret);
    return [...new Set([readFileSync(secretFile(dataDir), 'utf8').trim(), ...active])];
  } finally {
    await store.close();
  }
}

/** Runs the `npm start` script the way a newcomer does, headless, and collects its output. */
function runStart(
  dataDir: string,
  flags: string[] = [],
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((ok) => {
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/start.ts', '--once', '--no-build', ...flags],
      {
        cwd: ROOT,
        env: { ...process.env, CI: 'true', PORT: '0', EARMARK_DATA_DIR: dataDir },
      },
    );
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => ok({ code, output, ms: Date.now() - started }));
  });
}

describe('npm start (headless)', () => {
  it('seeds the demo team, captures through the real sidebar, and the review page lists it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earmark-start-'));
    try {
      const { code, output, ms } = await runStart(dataDir);
      expect(output).toContain('ran headless');
      expect(code, output).toBe(0);
      const json = output.slice(output.indexOf('{\n'), output.lastIndexOf('}') + 1);
      const item = ItemSchema.parse(JSON.parse(json));
      expect(item).toMatchObject({
        tags: [{ id: 'feature-request' }],
        source: { site: 'zendesk', ticketId: '4821' },
        agent: { id: DEMO_BROWSER_AGENT.id, team: 'Tier 1' },
      });
      expect(output).toMatch(/Extension ID: +nddfakhimacgilcjhgnjangfgifholbb/);
      expect(output).toMatch(
        /Review page: +chrome-extension:\/\/nddfakhimacgilcjhgnjangfgifholbb\/review\.html/,
      );
      // The demo team: seeded history with some of it triaged, tokens printed for the curious.
      const seeded =
        /Tier 1: (\d+) captures over 8 weeks .*; (\d+) reviewed, (\d+) actioned, (\d+) declined/.exec(output);
      expect(seeded, output).not.toBeNull();
      expect(Number(seeded?.[1])).toBe(DEMO_SIZE.items);
      for (const n of seeded?.slice(2) ?? []) expect(Number(n)).toBeGreaterThan(0);
      expect(output).toMatch(/Lead token: +[A-Za-z0-9_-]{40,}/);
      // The review page (lead view) showed the sample capture among the seeded items.
      const shown = /Review page: showing ([\d,]+) items for team Tier 1 \(lead view\)/.exec(output);
      expect(shown, output).not.toBeNull();
      expect(Number(shown?.[1]?.replace(/,/g, ''))).toBe(DEMO_SIZE.items + 1);
      // The demo team's phrases are grouped into themes, and the failure-demand view reads them.
      const themes = /Themes view: Showing (\d+) themes.*The largest: "(.+)"/.exec(output);
      expect(themes, output).not.toBeNull();
      expect(Number(themes?.[1])).toBeGreaterThanOrEqual(10);
      expect(themes?.[2]?.length).toBeGreaterThan(10);
      expect(output).toMatch(
        /Failure demand: \d+% of [\d,]+ captures from .+ were failure demand \([\d,]+\)/,
      );
      expect(ms).toBeLessThan(90_000);
      // No webhook secret in the output (terminals and CI logs keep it): neither the demo team's
      // nor the hub's own one in the data dir.
      const secrets = await secretsIn(dataDir);
      expect(secrets.length).toBeGreaterThanOrEqual(2);
      for (const secret of secrets) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(secret.replace(/^whsec_/, ''));
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with --sign-in, the agent and then the lead sign in at the development IdP from the popup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earmark-start-'));
    try {
      const { code, output } = await runStart(dataDir, ['--sign-in']);
      expect(code, output).toBe(0);
      expect(output).toMatch(
        /Development identity provider \(any password works\): http:\/\/127\.0\.0\.1:\d+/,
      );
      const json = output.slice(output.indexOf('{\n'), output.lastIndexOf('}') + 1);
      const item = ItemSchema.parse(JSON.parse(json));
      expect(item.agent).toEqual({ id: DEMO_PEOPLE.ana.email, name: DEMO_PEOPLE.ana.name, team: 'Tier 1' });
      expect(output).toContain('the capture carries\nher identity, verified by the hub.');
      expect(output).toContain('Lee Lead signed in as the lead');
      const shown = /Review page: showing ([\d,]+) items for team Tier 1 \(lead view\)/.exec(output);
      expect(Number(shown?.[1]?.replace(/,/g, ''))).toBe(DEMO_SIZE.items + 1);
      expect(output).not.toContain('oidc-provider NOTICE');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
