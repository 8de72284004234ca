import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ItemSchema } from '../../lib/schema';
import { ROOT } from '../../scripts/harness/paths';

/** Runs the `npm start` script the way a newcomer does, headless, and collects its output. */
function runStart(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts', '--once', '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', PORT: '0', EARMARK_DATA_DIR: dataDir },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => ok({ code, output }));
  });
}

describe('npm start (headless)', () => {
  it('captures a sample item through the real sidebar and shows it arriving in the hub', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earmark-start-'));
    try {
      const { code, output } = await runStart(dataDir);
      expect(output).toContain('ran headless');
      expect(code, output).toBe(0);
      const json = output.slice(output.indexOf('{\n'), output.lastIndexOf('}') + 1);
      const item = ItemSchema.parse(JSON.parse(json));
      expect(item).toMatchObject({
        tags: [{ id: 'feature-request' }],
        source: { site: 'zendesk', ticketId: '4821' },
        agent: { id: 'demo-agent' },
      });
      expect(output).toMatch(/Extension ID: +nddfakhimacgilcjhgnjangfgifholbb/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
