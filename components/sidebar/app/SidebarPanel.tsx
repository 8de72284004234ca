import type { KeyboardEvent, RefObject } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import { isUserInput, type TagShortcut } from '../launcher/keys';
import { otherSide } from '../launcher/layout';
import { NoteAndStatus } from './NoteAndStatus';
import { RecentCaptures } from './RecentCaptures';
import { ResizeHandle } from './ResizeHandle';
import { SignInNotice } from './SignInNotice';
import { TagButtons } from './TagButtons';
import type { Captures } from './useCaptures';
import type { LayoutControls } from './useSidebarLayout';

interface Props {
  layout: SidebarLayout;
  controls: Pick<LayoutControls, 'update' | 'commit'>;
  captures: Captures;
  shortcuts: readonly TagShortcut[];
  asideRef: RefObject<HTMLElement | null>;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onCollapse(): void;
  onCapture(tag: TaxonomyTag): void;
  /** Enter in the note: back to the tags, so the next key press captures with the note. */
  onNoteDone(): void;
  /** Moves Earmark to the browser's side panel (absent where the browser has none). */
  onOpenSidePanel?: () => void;
  /** Signs in through the hub (shown only while the policy requires it and nobody is signed in). */
  onSignIn(): Promise<string | null>;
}

/** The open sidebar: header, resizable inner edge, tags, note, last capture's status, recent captures. */
export function SidebarPanel(props: Props) {
  const { layout, controls, captures, noteRef } = props;
  const moveTo = otherSide(layout.side);
  return (
    <aside
      ref={props.asideRef}
      className={`em-sidebar em-side-${layout.side}`}
      aria-label="Earmark"
      style={{ width: layout.width }}
      onKeyDown={props.onKeyDown}
    >
      <ResizeHandle
        side={layout.side}
        width={layout.width}
        onResize={(width, persist) => controls.update({ width }, { persist })}
        onCommit={controls.commit}
      />
      <header className="em-header">
        <h2 className="em-title">Earmark</h2>
        <div className="em-header-actions">
          {props.onOpenSidePanel ? (
            <button
              type="button"
              className="em-icon"
              aria-label="Open in side panel"
              title="Open in side panel (beside the page, covering nothing)"
              onClick={(e) => {
                // The browser opens its side panel only during the agent's own click.
                if (isUserInput(e)) props.onOpenSidePanel?.();
              }}
            >
              <span aria-hidden="true">◨</span>
            </button>
          ) : null}
          <button
            type="button"
            className="em-icon"
            aria-label={`Move to ${moveTo} side`}
            title={`Move to ${moveTo} side`}
            onClick={() => controls.update({ side: moveTo })}
          >
            <span aria-hidden="true">{moveTo === 'left' ? '⇤' : '⇥'}</span>
          </button>
          <button
            type="button"
            className="em-icon"
            aria-label="Collapse Earmark"
            title="Collapse Earmark"
            onClick={props.onCollapse}
          >
            <span aria-hidden="true">{layout.side === 'right' ? '›' : '‹'}</span>
          </button>
        </div>
      </header>
      <div className="em-body">
        {captures.loadError ? <p role="alert">Earmark is unavailable: {captures.loadError}</p> : null}
        <SignInNotice host={captures.config?.signInTo} signIn={props.onSignIn} />
        {captures.taxonomy ? <TagButtons shortcuts={props.shortcuts} onCapture={props.onCapture} /> : null}
        <NoteAndStatus captures={captures} noteRef={noteRef} onNoteDone={props.onNoteDone} />
        <RecentCaptures entries={captures.recent} onRevise={captures.revise} />
        <p className="em-hint">
          Keys: <kbd>1</kbd>–<kbd>9</kbd> or the key shown on a tag captures it, <kbd>/</kbd> writes a note (
          <kbd>Enter</kbd> goes back to the tags), <kbd>Esc</kbd> returns to the page.
        </p>
      </div>
    </aside>
  );
}
