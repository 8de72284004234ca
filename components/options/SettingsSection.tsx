import type { ReactNode } from 'react';
import { SetByOrganization } from './OptionsParts';

/** The options page's sections, in page order: the navigation lists them from here. */
export const SETTINGS_SECTIONS = [
  { id: 'delivery', title: 'Delivery' },
  { id: 'endpoints', title: 'Endpoints' },
  { id: 'tags', title: 'Tags' },
  { id: 'agent', title: 'Agent' },
  { id: 'hub', title: 'Hub' },
  { id: 'sites', title: 'Sites' },
  { id: 'transfer', title: 'Import & export' },
] as const;

/** One section's anchor id (the navigation's link target). */
export type SectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

/**
 * One settings section as a card: its heading (with the organization's badge when policy sets it),
 * a short explanation of what it is for, then its controls. The heading names the region.
 */
export function SettingsSection({
  id,
  title,
  summary,
  locked = false,
  children,
}: {
  id: SectionId;
  title: string;
  summary: ReactNode;
  locked?: boolean;
  children: ReactNode;
}) {
  return (
    <section id={id} className="em-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title}
        <SetByOrganization show={locked} />
      </h2>
      <p className="em-card-summary">{summary}</p>
      {children}
    </section>
  );
}
