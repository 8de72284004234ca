import { useCallback, useEffect, useState } from 'react';
import { type SiteRule, SiteRuleSchema } from '@/lib/config/settings';
import { loadConfig, updateLocalSettings } from '@/lib/config/store';
import { hasAccess, requestAccess } from '@/lib/http/host-access';
import { describeZodError, SITES, type Site } from '@/lib/schema';
import { siteEntry } from '@/lib/sites/registry';
import { checkUrl } from '@/lib/sites/site-check';
import { Confirm } from '../shared/Confirm';

interface Row extends SiteRule {
  granted: boolean;
  byPolicy: boolean;
}

/** Admin-added sites: add a pattern with an adapter (asking for host access), grant access, test a URL. */
export function SitesEditor() {
  const [rows, setRows] = useState<Row[]>([]);
  const [locked, setLocked] = useState(false);
  const [match, setMatch] = useState('');
  const [adapter, setAdapter] = useState<Site>('generic');
  const [message, setMessage] = useState<string | null>(null);
  const [testUrl, setTestUrl] = useState('');

  const refresh = useCallback(async () => {
    const config = await loadConfig();
    const byPolicy = config.lockedKeys.includes('sites');
    setLocked(byPolicy);
    const granted = await Promise.all(config.sites.map((s) => hasAccess({ matches: [s.match] })));
    setRows(config.sites.map((s, i) => ({ ...s, granted: granted[i] ?? false, byPolicy })));
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const add = async () => {
    const rule = SiteRuleSchema.safeParse({ match: match.trim(), adapter });
    if (!rule.success) return setMessage(describeZodError(rule.error));
    // Asked first, inside the click: Chrome only shows the prompt during a user gesture.
    const granted = await requestAccess({ matches: [rule.data.match] });
    await updateLocalSettings((s) => ({
      ...s,
      sites: [...s.sites.filter((x) => x.match !== rule.data.match), rule.data],
    }));
    setMessage(
      granted ? `Added ${rule.data.match}.` : `Added ${rule.data.match}; access was not granted yet.`,
    );
    setMatch('');
    await refresh();
  };
  const grant = async (row: Row) => {
    const granted = await requestAccess({ matches: [row.match] });
    setMessage(granted ? `Access granted for ${row.match}.` : `Access for ${row.match} was refused.`);
    await refresh();
  };
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = async (row: Row) => {
    setRemoving(null);
    await updateLocalSettings((s) => ({ ...s, sites: s.sites.filter((x) => x.match !== row.match) }));
    await refresh();
  };
  const check = testUrl ? checkUrl(testUrl, rows) : null;

  return (
    <div>
      {locked ? <p>Set by your organization.</p> : null}
      <ul aria-label="Added sites">
        {rows.map((row) => (
          <li key={row.match}>
            <code>{row.match}</code> read as {row.adapter} —{' '}
            {row.granted ? 'access granted' : 'no access yet'}{' '}
            {row.granted ? null : (
              <button type="button" onClick={() => void grant(row)}>
                Grant access to {row.match}
              </button>
            )}
            {row.byPolicy ? null : (
              <button
                type="button"
                aria-expanded={removing === row.match}
                onClick={() => setRemoving(row.match)}
              >
                Remove {row.match}
              </button>
            )}
            {removing === row.match ? (
              <Confirm
                name={`Remove ${row.match}?`}
                consequence="The sidebar no longer appears on these pages. Captures already made there are kept and delivered."
                confirm="Yes, remove"
                onConfirm={() => void remove(row)}
                onCancel={() => setRemoving(null)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {locked ? null : (
        <form
          className="em-fields"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label>
            Match pattern{' '}
            <input
              value={match}
              onChange={(e) => setMatch(e.target.value)}
              placeholder="https://support.example.com/*"
            />
          </label>{' '}
          <label>
            Adapter{' '}
            <select value={adapter} onChange={(e) => setAdapter(e.target.value as Site)}>
              {SITES.map((s) => (
                <option key={s} value={s}>
                  {siteEntry(s).label}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">Add site</button>
        </form>
      )}
      {message ? <p role="status">{message}</p> : null}
      <div className="em-fields">
        <label>
          Test this URL <input value={testUrl} size={40} onChange={(e) => setTestUrl(e.target.value)} />
        </label>
      </div>
      {check ? (
        <p aria-live="polite">
          {check.covered
            ? `The sidebar appears here, read by the ${check.adapter} adapter`
            : 'The sidebar does not appear here'}
          : {check.reason}.
        </p>
      ) : null}
    </div>
  );
}
