import { useMemo, useRef } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import { type TabReader, targetLabel } from '@/lib/sidepanel/panel-target';
import { NoteAndStatus } from '../sidebar/app/NoteAndStatus';
import { RecentCaptures } from '../sidebar/app/RecentCaptures';
import { SignInNotice } from '../sidebar/app/SignInNotice';
import type { SidebarApi } from '../sidebar/app/sidebar-api';
import { TagButtons } from '../sidebar/app/TagButtons';
import { useCaptures } from '../sidebar/app/useCaptures';
import { useSidebarKeyboard } from '../sidebar/app/useSidebarKeyboard';
import { assignShortcuts } from '../sidebar/launcher/keys';
import { type TabChanges, useActiveTarget } from './useActiveTarget';

interface Props {
  api: SidebarApi;
  /** Reads the active tab of the panel's window. */
  reader: TabReader;
  /** The browser's reports that the active tab may have changed. */
  tabChanges: TabChanges;
}

/**
 * Earmark in the browser's side panel: the sidebar's tags, note, status and recent captures
 * (same names, same keys), for the page in the active tab, which the panel names above the tags.
 */
export function SidePanel({ api, reader, tabChanges }: Props) {
  const captures = useCaptures(api, true);
  const shortcuts = useMemo(() => assignShortcuts(captures.taxonomy ?? []), [captures.taxonomy]);
  const target = useActiveTarget(reader, tabChanges);
  const rootRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // The quote is read from the page at click time (panel-api.ts): the page keeps its selection.
  const capture = (tag: TaxonomyTag) => void captures.capture(tag, null);
  const focusTags = () => keyboard.moveFocus(mainRef.current?.querySelector<HTMLElement>('.em-tag'), true);
  const keyboard = useSidebarKeyboard({
    rootRef,
    shortcuts,
    onCapture: capture,
    focusNote: () => keyboard.moveFocus(noteRef.current, true),
    // Esc: the page is in another document, out of the panel's reach; back to the tags instead.
    collapse: focusTags,
    readSelection: () => null,
  });

  return (
    <div ref={rootRef} className="em-root">
      <main ref={mainRef} className="em-sidebar em-panel" aria-label="Earmark" onKeyDown={keyboard.onKeyDown}>
        <header className="em-header">
          <h1 className="em-title">Earmark</h1>
        </header>
        <div className="em-body">
          <section className="em-target" aria-label="Capturing for">
            {target === null ? (
              <p>Reading the page…</p>
            ) : target.kind === 'ticket' ? (
              <p>
                Capturing for <strong>{targetLabel(target.context)}</strong>
              </p>
            ) : (
              <p className="em-unreadable">{target.reason}</p>
            )}
          </section>
          {captures.loadError ? <p role="alert">Earmark is unavailable: {captures.loadError}</p> : null}
          <SignInNotice host={captures.config?.signInTo} signIn={api.signIn} />
          {captures.taxonomy ? <TagButtons shortcuts={shortcuts} onCapture={capture} /> : null}
          <NoteAndStatus captures={captures} noteRef={noteRef} onNoteDone={focusTags} />
          <RecentCaptures entries={captures.recent} onRevise={captures.revise} />
          <p className="em-hint">
            Keys: <kbd>1</kbd>–<kbd>9</kbd> or the key shown on a tag captures it, <kbd>/</kbd> writes a note
            (<kbd>Enter</kbd> or <kbd>Esc</kbd> goes back to the tags).
          </p>
        </div>
      </main>
    </div>
  );
}
