import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { type CSSProperties, type ReactNode, useRef } from 'react';
import type { TaxonomyTag } from '@/lib/config/settings';

const INSTRUCTIONS =
  'To move a tag, press Space or Enter on its drag handle, use the up and down arrow keys, then Space or Enter to drop it there, or Escape to cancel.';

/**
 * One category's tags as a sortable list (dnd-kit): dragged with the pointer, or with the keyboard
 * from a row's handle, each step announced to screen readers by the tag's label and position. Tags
 * move only within their category, the grouping the sidebar shows, so each category is its own
 * drag context.
 */
export function SortableCategory({
  tags,
  locked,
  onPlace,
  children,
}: {
  tags: readonly TaxonomyTag[];
  locked: boolean;
  /** Called once on a drop: the tag `id` goes where `targetId` is. */
  onPlace(id: string, targetId: string): void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // Right after a pick-up the tag is "over" its own place: saying so would replace "Picked up…".
  const moved = useRef(false);
  const label = (id: unknown) => tags.find((t) => t.id === id)?.label ?? String(id);
  const at = (id: unknown) => `position ${tags.findIndex((t) => t.id === id) + 1} of ${tags.length}`;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={({ active, over }) => {
        if (over && active.id !== over.id) onPlace(String(active.id), String(over.id));
      }}
      accessibility={{
        screenReaderInstructions: { draggable: INSTRUCTIONS },
        announcements: {
          onDragStart: ({ active }) => {
            moved.current = false;
            return `Picked up ${label(active.id)}, ${at(active.id)}.`;
          },
          onDragOver: ({ active, over }) => {
            if (!moved.current && over?.id === active.id) return undefined;
            moved.current = true;
            return over
              ? `${label(active.id)} is at ${at(over.id)}.`
              : `${label(active.id)} is outside the list.`;
          },
          onDragEnd: ({ active, over }) =>
            over ? `${label(active.id)} dropped at ${at(over.id)}.` : `${label(active.id)} put back.`,
          onDragCancel: ({ active }) => `Moving ${label(active.id)} cancelled: it stays where it was.`,
        },
      }}
    >
      <SortableContext items={tags.map((t) => t.id)} strategy={verticalListSortingStrategy} disabled={locked}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** What a sortable row wires up: its element and style, and the props of its drag handle. */
export function useSortableRow(id: string, disabled: boolean) {
  const sortable = useSortable({ id, disabled });
  const { transform, transition, isDragging } = sortable;
  // Vertical only: a tag moves up or down its list, never sideways.
  const style: CSSProperties = {
    transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
  };
  return {
    rowRef: sortable.setNodeRef,
    rowStyle: style,
    dragging: isDragging,
    handle: { ref: sortable.setActivatorNodeRef, ...sortable.attributes, ...sortable.listeners },
  };
}
