import { type KeyboardEvent, type RefObject, useCallback, useRef } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';
import { isTextField, isUserInput, keyAction, type TagShortcut } from '../launcher/keys';

interface Options {
  /** Our outermost element, to tell our own elements (in our shadow root) from the page's. */
  rootRef: RefObject<HTMLElement | null>;
  shortcuts: readonly TagShortcut[];
  /** Captures a tag chosen by its key. */
  onCapture(tag: TaxonomyTag): void;
  focusNote(): void;
  /** Collapses the sidebar (Escape when there is no page element to go back to). */
  collapse(): void;
  readSelection(): string | null;
}

/** Focus and key handling for the sidebar; every handler sits on our own elements. */
export interface SidebarKeyboard {
  /** A `focusin` listener for the root element: remembers where on the page focus came from. */
  onFocusIn(event: FocusEvent): void;
  /** For the open sidebar: shortcut keys (never reached by keys typed into the CRM page). */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  /** Remembers the page's focused element and selection before we move focus in ourselves. */
  rememberPageFocus(): void;
  /**
   * Moves focus between our own elements without forgetting the page element to go back to;
   * `visible` asks for the focus ring even though no key was pressed in the page (a command).
   */
  moveFocus(target: HTMLElement | null | undefined, visible?: boolean): void;
  /** Focuses the page element focus came from; false when there is none left. */
  returnToPage(): boolean;
  /** Text that was selected on the page when focus entered the sidebar, once. */
  takeEntryQuote(): string | null;
}

/** The focused element, looking inside open shadow roots (web-component CRMs, and our own). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Keys are handled on the sidebar's own elements, so only events whose composed path starts
 * inside our shadow root reach them: an agent typing digits in a CRM field never captures.
 */
export function useSidebarKeyboard(options: Options): SidebarKeyboard {
  const returnTo = useRef<HTMLElement | null>(null);
  const entryQuote = useRef<string | null>(null);
  const internalMove = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const isPageElement = useCallback((node: unknown): node is HTMLElement => {
    if (!(node instanceof HTMLElement) || node === document.body || !node.isConnected) return false;
    const ownRoot = latest.current.rootRef.current?.getRootNode();
    return node.getRootNode() !== ownRoot;
  }, []);

  const onFocusIn = useCallback(
    (event: FocusEvent) => {
      const from = event.relatedTarget;
      if (isPageElement(from)) {
        returnTo.current = from;
      } else if (from === null && !internalMove.current) {
        // Focus came from nowhere (the agent clicked blank page, then us): nothing to go back to.
        returnTo.current = null;
      } else {
        return; // a move between our own controls
      }
      // Moving focus can drop the page's selection, so keep it for a keyboard capture.
      entryQuote.current = latest.current.readSelection();
    },
    [isPageElement],
  );

  const rememberPageFocus = useCallback(() => {
    const active = deepActiveElement();
    returnTo.current = isPageElement(active) ? active : null;
    entryQuote.current = latest.current.readSelection();
  }, [isPageElement]);

  const moveFocus = useCallback((target: HTMLElement | null | undefined, visible = false) => {
    if (!target) return;
    internalMove.current = true;
    try {
      // `focusVisible` (Chrome 125+, Firefox 104+) is not in TypeScript's DOM types yet.
      target.focus({ focusVisible: visible } as FocusOptions);
    } finally {
      internalMove.current = false;
    }
  }, []);

  const returnToPage = useCallback(() => {
    const target = returnTo.current;
    if (!target?.isConnected) return false;
    target.focus();
    return deepActiveElement() === target;
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // Keys a page script dispatches into our shadow root are untrusted: they do nothing here.
      if (!isUserInput(event)) return;
      const action = keyAction(
        {
          key: event.key,
          altKey: event.altKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          repeat: event.repeat,
          inTextField: isTextField(event.target),
        },
        latest.current.shortcuts,
      );
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action.kind === 'capture') latest.current.onCapture(action.tag);
      else if (action.kind === 'focus-note') latest.current.focusNote();
      else if (!returnToPage()) latest.current.collapse();
    },
    [returnToPage],
  );

  const takeEntryQuote = useCallback(() => {
    const quote = entryQuote.current;
    entryQuote.current = null;
    return quote;
  }, []);

  return { onFocusIn, onKeyDown, rememberPageFocus, moveFocus, returnToPage, takeEntryQuote };
}
