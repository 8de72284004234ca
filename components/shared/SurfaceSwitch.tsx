import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { chooseSurface, type SurfaceSetting, surfaceSetting } from '@/lib/sidebar/surface-choice';

/**
 * Where Earmark shows itself on a site (or, for ANY_SITE, every site without a choice of its own):
 * a switch on for the browser's side panel (Chrome, Edge), off for the in-page sidebar, which the
 * agent changes unless the organization's policy locks the surface.
 */
export function SurfaceSwitch({ host, label }: { host: string; label: string }) {
  const [setting, setSetting] = useState<SurfaceSetting | null>(null);
  useEffect(() => {
    void surfaceSetting(host).then(setSetting);
  }, [host]);
  // Firefox opens its sidebar only from the popup, menu or command, never for a page: every site
  // keeps the in-page sidebar there (entrypoints/content), so there is nothing to choose.
  if (!setting || !(browser as { sidePanel?: unknown }).sidePanel) return null;
  const onPanel = setting.surface === 'sidePanel';
  return (
    <label className="em-site-toggle">
      <input
        type="checkbox"
        role="switch"
        aria-checked={onPanel}
        checked={onPanel}
        disabled={setting.locked}
        onChange={(e) => {
          const surface = e.target.checked ? 'sidePanel' : 'overlay';
          setSetting({ ...setting, surface });
          void chooseSurface(host, surface).catch((error: unknown) => console.error('Earmark:', error));
        }}
      />{' '}
      {label}
      {setting.locked ? ' (set by your organization)' : ''}
    </label>
  );
}
