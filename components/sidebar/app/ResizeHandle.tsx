import { type PointerEvent, useRef } from 'react';
import { SIDEBAR_WIDTH, type SidebarLayout } from '@/lib/sidebar/layout-shape';
import { widthAfterKey, widthFromPointer } from '../launcher/layout';

interface Props {
  side: SidebarLayout['side'];
  width: number;
  /** New width; `persist: false` while dragging (the drag's end commits). */
  onResize(width: number, persist: boolean): void;
  onCommit(): void;
}

/**
 * The sidebar's inner edge: drag it with a pointer, or focus it and use ArrowLeft/ArrowRight
 * (Shift for bigger steps, Home/End for narrowest/widest). Its value is the width in px.
 */
export function ResizeHandle({ side, width, onResize, onCommit }: Props) {
  const dragging = useRef<number | null>(null);
  const end = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== event.pointerId) return;
    dragging.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    onCommit();
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: <hr> cannot be focused or dragged; a focusable separator is the ARIA splitter pattern.
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize Earmark"
      aria-valuenow={width}
      aria-valuemin={SIDEBAR_WIDTH.min}
      aria-valuemax={SIDEBAR_WIDTH.max}
      aria-valuetext={`${width} pixels wide`}
      tabIndex={0}
      className={`em-resize em-resize-${side}`}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        // No text selection on the page while the edge is dragged.
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.focus();
        dragging.current = event.pointerId;
      }}
      onPointerMove={(event) => {
        if (dragging.current !== event.pointerId) return;
        onResize(widthFromPointer(side, event.clientX, window.innerWidth), false);
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={(event) => {
        const next = widthAfterKey(side, width, event.key, event.shiftKey);
        if (next === null) return;
        event.preventDefault();
        event.stopPropagation();
        onResize(next, true);
      }}
    />
  );
}
