import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import type { OpenRequest } from '../launcher/handoff';
import { assignShortcuts } from '../launcher/keys';
import { keepTagSelection, type TagSelection } from '../launcher/tag-capture';
import { CollapsedTab } from './CollapsedTab';
import type { FirstData } from './first-data';
import { SidebarPanel } from './SidebarPanel';
import type { SidebarApi } from './sidebar-api';
import { useCaptures } from './useCaptures';
import { useSidebarKeyboard } from './useSidebarKeyboard';
import { type SaveLayout, useSidebarLayout } from './useSidebarLayout';
import { type SnapshotSink, useSnapshotWriter } from './useSnapshotWriter';

interface Props {
  api: SidebarApi;
  /** Text selected on the page, read when a capture starts. */
  readSelection(): string | null;
  /** Subscribes to toggle requests (keyboard command); returns the unsubscribe function. */
  onToggle(listener: () => void): () => void;
  /** This site's remembered layout. */
  initialLayout: SidebarLayout;
  /** Remembers this site's layout. */
  saveLayout: SaveLayout;
  /** The agent opened Earmark before the sidebar app had loaded: focus the tags once they are in. */
  initialOpen?: OpenRequest | null;
  /** The config and recent captures already loaded for the first render (else they load on mount). */
  first?: FirstData;
  /** The note typed and captures sent on the painted snapshot before the app was there. */
  early?: { note: string; captures: Promise<unknown>[] };
  /** Where this site's snapshot is kept for the launcher's first paint (none: not kept). */
  snapshots?: SnapshotSink;
}

/** Opens the side panel; a refusal is logged (the in-page sidebar simply stays). */
async function openSidePanel(api: SidebarApi) {
  try {
    await api.openSidePanel?.();
  } catch (error) {
    console.error('Earmark: opening the side panel', error);
  }
}

/** Where focus goes once the sidebar has opened or collapsed, and whether to show its ring. */
type PendingFocus = { target: 'tags' | 'tab'; visible: boolean } | null;

/** The Earmark sidebar: docked, resizable and collapsible per site, driven by mouse or keyboard. */
export function Sidebar(props: Props) {
  const { api, readSelection, onToggle, initialLayout, saveLayout, initialOpen } = props;
  const { layout, update, commit } = useSidebarLayout(initialLayout, saveLayout);
  const captures = useCaptures(api, !layout.collapsed, props.first, props.early);
  const shortcuts = useMemo(() => assignShortcuts(captures.taxonomy ?? []), [captures.taxonomy]);
  const rootRef = useRef<HTMLDivElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  useSnapshotWriter(rootRef, captures, layout, props.snapshots);
  const selection = useRef<TagSelection | null>(null);
  const pendingFocus = useRef<PendingFocus>(
    initialOpen ? { target: 'tags', visible: initialOpen.visible } : null,
  );

  const setCollapsed = (collapsed: boolean, focus: PendingFocus) => {
    pendingFocus.current = focus;
    update({ collapsed });
  };
  // The selection when the agent pressed the tag, else now, else when focus entered the sidebar.
  // Kept from the first commit on (a layout effect), as the tag buttons' own handler was.
  useLayoutEffect(() => {
    if (!rootRef.current) return;
    const kept = keepTagSelection(rootRef.current, readSelection);
    selection.current = kept;
    return () => {
      kept.stop();
      selection.current = null;
    };
  }, [readSelection]);
  const capture = (tag: TaxonomyTag) => {
    const entryQuote = keyboard.takeEntryQuote();
    const quote = (selection.current ? selection.current.take() : readSelection()) ?? entryQuote;
    void captures.capture(tag, quote);
  };
  const focusTags = (visible = true) => {
    const aside = asideRef.current;
    keyboard.moveFocus(
      aside?.querySelector<HTMLElement>('.em-tag') ?? aside?.querySelector('button'),
      visible,
    );
  };
  const keyboard = useSidebarKeyboard({
    rootRef,
    shortcuts,
    onCapture: capture,
    focusNote: () => keyboard.moveFocus(noteRef.current, true),
    collapse: () => setCollapsed(true, { target: 'tab', visible: true }),
    readSelection,
  });

  // Alt+Shift+E: collapsed → open and focus the first tag; open with focus on the page → focus
  // the first tag; focus already inside → collapse and go back to the page.
  const toggle = useRef(() => {});
  toggle.current = () => {
    if (layout.collapsed) {
      keyboard.rememberPageFocus();
      setCollapsed(false, { target: 'tags', visible: true });
    } else if (asideRef.current?.matches(':focus-within')) {
      setCollapsed(true, keyboard.returnToPage() ? null : { target: 'tab', visible: true });
    } else {
      keyboard.rememberPageFocus();
      focusTags();
    }
  };
  useEffect(() => onToggle(() => toggle.current()), [onToggle]);
  // Opened by the command before the app loaded: Escape goes back to where the agent was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at mount.
  useEffect(() => {
    if (initialOpen?.fromPage) keyboard.rememberPageFocus();
  }, []);
  useEffect(() => {
    const root = rootRef.current;
    root?.addEventListener('focusin', keyboard.onFocusIn);
    return () => root?.removeEventListener('focusin', keyboard.onFocusIn);
  }, [keyboard.onFocusIn]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when what it waits for (open state, tags) changes.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending?.target === 'tab' && layout.collapsed) {
      pendingFocus.current = null;
      keyboard.moveFocus(tabRef.current, pending.visible);
    } else if (pending?.target === 'tags' && !layout.collapsed && captures.taxonomy) {
      pendingFocus.current = null;
      focusTags(pending.visible);
    }
  }, [layout.collapsed, captures.taxonomy]);

  return (
    <div ref={rootRef} className="em-root">
      {layout.collapsed ? (
        <CollapsedTab
          buttonRef={tabRef}
          side={layout.side}
          tabTop={layout.tabTop}
          onOpen={() => setCollapsed(false, { target: 'tags', visible: false })}
          onMove={(tabTop, persist) => update({ tabTop }, { persist })}
          onCommit={commit}
          onOpenSidePanel={api.openSidePanel ? () => void openSidePanel(api) : undefined}
        />
      ) : (
        <SidebarPanel
          layout={layout}
          controls={{ update, commit }}
          captures={captures}
          shortcuts={shortcuts}
          asideRef={asideRef}
          noteRef={noteRef}
          onKeyDown={keyboard.onKeyDown}
          onCollapse={() => setCollapsed(true, { target: 'tab', visible: false })}
          onCapture={capture}
          onNoteDone={() => focusTags(true)}
          onOpenSidePanel={api.openSidePanel ? () => void openSidePanel(api) : undefined}
          onSignIn={api.signIn}
        />
      )}
    </div>
  );
}
