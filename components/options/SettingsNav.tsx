import { useEffect, useState } from 'react';
import { SETTINGS_SECTIONS, type SectionId } from './SettingsSection';

/**
 * The section links beside the settings: plain in-page links (so Tab, Enter and the browser's own
 * history work), the section in view marked with aria-current as the page scrolls.
 */
export function SettingsNav() {
  const [current, setCurrent] = useState<SectionId>('delivery');
  useEffect(() => {
    // The topmost section crossing the upper third of the window is the one being read.
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target.id as SectionId);
        const first = SETTINGS_SECTIONS.find((s) => visible.includes(s.id));
        if (first) setCurrent(first.id);
      },
      { rootMargin: '0px 0px -66% 0px' },
    );
    for (const section of SETTINGS_SECTIONS) {
      const element = document.getElementById(section.id);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, []);
  return (
    <nav className="em-nav" aria-label="Settings sections">
      <ul>
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              aria-current={current === section.id ? 'location' : undefined}
              onClick={() => setCurrent(section.id)}
            >
              {section.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
