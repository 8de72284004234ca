/** What a key press on the items grid does: move the active row, open it, or toggle its selection. */
export type GridAction =
  | { type: 'move'; to: number }
  | { type: 'open' }
  | { type: 'toggle' }
  | { type: 'selectAll' }
  | null;

/**
 * Roving focus over `count` loaded rows (WAI-ARIA grid pattern, row focus): arrows, Home/End and
 * Page Up/Down move, Enter opens the detail, Space toggles selection, Ctrl/Cmd+A selects all loaded.
 */
export function gridKeyAction(
  key: string,
  active: number,
  count: number,
  pageSize: number,
  modifiers: { ctrl?: boolean; meta?: boolean } = {},
): GridAction {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', to: clamp(active + 1) };
    case 'ArrowUp':
      return { type: 'move', to: clamp(active - 1) };
    case 'PageDown':
      return { type: 'move', to: clamp(active + Math.max(1, pageSize)) };
    case 'PageUp':
      return { type: 'move', to: clamp(active - Math.max(1, pageSize)) };
    case 'Home':
      return { type: 'move', to: 0 };
    case 'End':
      return { type: 'move', to: count - 1 };
    case 'Enter':
      return { type: 'open' };
    case ' ':
      return { type: 'toggle' };
    case 'a':
    case 'A':
      return modifiers.ctrl || modifiers.meta ? { type: 'selectAll' } : null;
    default:
      return null;
  }
}
