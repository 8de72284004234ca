import { useEffect, useRef } from 'react';

/**
 * An inline confirmation for a destructive action: a named group saying what will be lost, then
 * "<confirm>" and "Cancel". Focus moves to the confirm button; Escape cancels. The caller puts
 * focus back on the control that asked.
 */
export function Confirm({
  name,
  consequence,
  confirm,
  onConfirm,
  onCancel,
}: {
  /** The group's name, a question ("Retire Bug?"). */
  name: string;
  /** What will be lost, and what is kept. */
  consequence: string;
  /** The confirm button's label ("Yes, retire"). */
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <fieldset
      className="em-confirm"
      aria-label={name}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <legend>{name}</legend>
      <p>{consequence}</p>
      <div className="em-actions">
        <button ref={button} type="button" className="em-danger" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
