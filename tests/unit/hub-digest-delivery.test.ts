import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../lib/delivery/formats/slack';
import type { TeamsMessage } from '../../lib/delivery/formats/teams';
import { runCommand } from '../../server/cli';
import { CommandFailure } from '../../server/digest/command';
import type { DigestEvent } from '../../server/digest/render';
import type { TargetResult } from '../../server/digest/send';
import type { HubStore } from '../../server/store';
import { type DigestSeed, IDEA_NOTE, seedDigestTeam, startReceiver } from '../helpers/digest-hub';
import { hubStores } from '../helpers/hub-stores';

// Digest targets through the CLI, and the digest reaching local receivers as Slack, Teams and
// Standard Webhooks-signed JSON. PGlite, and PostgreSQL when DATABASE_URL is set.
const { stores, dropSchema } = hubStores('hub-digest-delivery', 't_digest_delivery');

type Listed = {
  id: string;
  format: string;
  url: string;
  lastError: string | null;
  deliveredAt: string | null;
  sentThrough: string | null;
};
type Sent = { period: { from: string; to: string }; results: TargetResult[] };

describe.each(stores)('digest delivery, $name', ({ open }) => {
  let store: HubStore;
  let seed: DigestSeed;
  const sleeps: number[] = [];
  const deps = { sleep: async (ms: number) => void sleeps.push(ms) };
  const receivers: Array<{ close: () => Promise<void> }> = [];
  const cli = (...argv: string[]) => runCommand(store, argv, deps);
  const receiver = async (status?: (n: number) => number) => {
    const r = await startReceiver(status);
    receivers.push(r);
    return r;
  };
  const add = async (team: string, url: string, format: string) =>
    (await cli('digest', 'target', 'add', '--team', team, '--url', url, '--format', format)) as {
      target: Listed;
      secret?: string;
    };
  const list = async (team: string) =>
    ((await cli('digest', 'target', 'list', '--team', team)) as { targets: Listed[] }).targets;
  const range = () => ['--from', seed.period.from, '--to', seed.period.to];

  beforeAll(async () => {
    store = await open();
    const tier1 = (await cli('team', 'create', 'Tier 1')) as { team: { id: string } };
    await cli('team', 'create', 'Tier 2');
    seed = await seedDigestTeam(store, tier1.team.id, new Date());
  }, 60_000);
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await store?.close();
    await dropSchema();
  });

  it('adds, lists and removes targets; a json target gets a secret printed once', async () => {
    const slack = await add('Tier 1', 'https://hooks.slack.com/services/T0/B0/secretpart', 'slack');
    expect(slack.secret).toBeUndefined();
    expect(slack.target).toMatchObject({ format: 'slack', url: 'https://hooks.slack.com/services/…' });
    const json = await add('Tier 1', 'https://example.com/digest', 'json');
    expect(json.secret).toMatch(/^whsec_/);
    const listed = await list('Tier 1');
    expect(listed.map((t) => t.id)).toEqual([slack.target.id, json.target.id]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect(JSON.stringify(listed)).not.toContain('secretpart');
    expect(await cli('digest', 'target', 'remove', slack.target.id)).toEqual({ removed: slack.target.id });
    expect(await cli('digest', 'target', 'remove', json.target.id)).toEqual({ removed: json.target.id });
    expect(await list('Tier 1')).toEqual([]);
    await expect(cli('digest', 'target', 'remove', json.target.id)).rejects.toThrow(/no digest target/);
    await expect(add('Tier 1', 'http://example.com/x', 'slack')).rejects.toThrow(/https/);
    await expect(add('Tier 1', 'https://example.com/x', 'email')).rejects.toThrow(/--format/);
    await expect(add('Nope', 'https://example.com/x', 'json')).rejects.toThrow(/no team/);
    await expect(cli('digest', 'send', '--team', 'Tier 1')).rejects.toThrow(/no digest targets/);
  });

  it('sends the digest to Slack, Teams and signed JSON receivers', async () => {
    const [slackR, teamsR, jsonR] = [await receiver(), await receiver(), await receiver()];
    await add('Tier 1', slackR.url, 'slack');
    await add('Tier 1', teamsR.url, 'teams');
    const { secret } = await add('Tier 1', jsonR.url, 'json');
    const sent = (await cli('digest', 'send', '--team', 'Tier 1', ...range())) as Sent;
    expect(sent.results.map((r) => [r.format, r.ok, r.attempts])).toEqual([
      ['slack', true, 1],
      ['teams', true, 1],
      ['json', true, 1],
    ]);

    const slack = JSON.parse(slackR.requests[0]?.body ?? '') as SlackMessage;
    expect(slack.text).toContain('Earmark digest: Tier 1');
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    const mrkdwn = slack.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
    expect(mrkdwn).toContain('*Failure demand*: 60% of 5 captures (3), +35 pts against the previous period');
    expect(mrkdwn.join('\n')).toContain('>I cancelled two weeks ago &amp; still no &lt;refund&gt;');
    expect(mrkdwn.join('\n')).toContain(IDEA_NOTE);
    expect(mrkdwn.some((t) => t.startsWith('*Actioned*'))).toBe(true);

    const teams = JSON.parse(teamsR.requests[0]?.body ?? '') as TeamsMessage;
    const card = teams.attachments[0].content;
    expect(teams.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.body[1]).toMatchObject({ type: 'FactSet' });
    expect(JSON.stringify(card.body)).toContain('I cancelled two weeks ago & still no \\\\<refund>');

    const { headers, body } = jsonR.requests[0] ?? { headers: {}, body: '' };
    const event = new Webhook(secret as string).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    }) as DigestEvent;
    expect(event.type).toBe('digest.created');
    expect(Date.parse(event.timestamp)).not.toBeNaN();
    expect(event.data).toMatchObject({ team: { name: 'Tier 1' }, period: seed.period });
    expect(event.data.failureDemand).toMatchObject({ count: 3, previousCount: 1 });
    expect(event.data.ideas.items[0]?.text).toBe(IDEA_NOTE);

    for (const t of await list('Tier 1'))
      expect(t).toMatchObject({
        lastError: null,
        sentThrough: seed.period.to,
        deliveredAt: expect.any(String),
      });
  });

  it('retries a failing receiver, then reports the error and keeps it on the target', async () => {
    const down = await receiver(() => 503);
    const { target } = await add('Tier 2', down.url, 'json');
    sleeps.length = 0;
    const failure = await cli('digest', 'send', '--team', 'Tier 2').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommandFailure);
    expect((failure as Error).message).toContain(`digest target ${target.id}: HTTP 503: receiver is down`);
    expect((failure as CommandFailure).result).toMatchObject({ results: [{ ok: false, attempts: 4 }] });
    expect(down.requests).toHaveLength(4);
    // One message id on every attempt, so a receiver that got it after all can drop the repeat.
    expect(new Set(down.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(sleeps).toEqual([2_000, 10_000, 30_000]);
    const [listed] = await list('Tier 2');
    expect(listed?.lastError).toBe('HTTP 503: receiver is down (after 4 attempts)');
    expect(listed?.deliveredAt).toBeNull();

    const flaky = await receiver((n) => (n < 2 ? 500 : 200));
    await cli('digest', 'target', 'remove', target.id);
    await add('Tier 2', flaky.url, 'teams');
    const sent = (await cli('digest', 'send', '--team', 'Tier 2')) as Sent;
    expect(sent.results).toMatchObject([{ ok: true, attempts: 3, error: null }]);
    expect((await list('Tier 2'))[0]).toMatchObject({ lastError: null, deliveredAt: expect.any(String) });
  });

  it('reports a receiver that cannot be reached', async () => {
    const gone = await startReceiver();
    await gone.close();
    const { target } = await add('Tier 2', gone.url, 'slack');
    const failure = (await cli('digest', 'send', '--team', 'Tier 2').catch(
      (e: unknown) => e,
    )) as CommandFailure;
    expect(failure.message).toContain(`digest target ${target.id}: network error`);
    expect((await list('Tier 2')).find((t) => t.id === target.id)?.lastError).toMatch(
      /^network error.*after 4 attempts/,
    );
  });
});
