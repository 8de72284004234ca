import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupBanner } from '../../server/banner';
import { secretFile } from '../../server/secret';
import { startHub } from '../../server/serve';

// What `npm run hub` prints at start (server/main.ts prints exactly these lines).
describe('hub start-up banner', () => {
  it('names where the webhook secret is kept and never prints it, first start or later', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'earmark-banner-'));
    try {
      for (const start of ['first', 'second']) {
        const hub = await startHub({ dataDir, port: 0 });
        try {
          const secret = readFileSync(secretFile(dataDir), 'utf8').trim();
          expect(secret).toMatch(/^whsec_/);
          const banner = startupBanner(hub, { publicHosts: [] }).join('\n');
          expect(banner, start).not.toContain(secret);
          expect(banner, start).not.toContain(secret.replace(/^whsec_/, ''));
          expect(banner).toContain(`in ${secretFile(dataDir)}${start === 'first' ? ' (new)' : ','}`);
          expect(banner).toContain('localhost, 127.0.0.1, [::1] (any other Host header answers 421)');
          // The URL it prints is one the Host check lets through.
          expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
        } finally {
          await hub.stop();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists the public host, and warns when the hub listens beyond loopback without one', async () => {
    const hub = {
      url: 'http://127.0.0.1:8787',
      port: 8787,
      secretSource: 'EARMARK_WEBHOOK_SECRET',
      secretCreated: false,
      dataDir: '/srv/earmark',
      stop: async () => {},
    };
    const named = startupBanner(hub, { host: '0.0.0.0', publicHosts: ['hub.example.com'] });
    expect(named).toContain(
      '  hosts:    localhost, 127.0.0.1, [::1], hub.example.com (any other Host header answers 421)',
    );
    expect(named.join('\n')).not.toContain('warning');
    const unnamed = startupBanner(hub, { host: '0.0.0.0', publicHosts: [] });
    expect(unnamed.at(-1)).toMatch(/warning: +HOST=0\.0\.0\.0 but EARMARK_PUBLIC_HOST is unset/);
  });
});
