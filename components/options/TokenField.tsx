import { useState } from 'react';

/**
 * A token textbox, hidden like a password until the person presses "Show …". The toggle keeps its
 * name and says its state with aria-pressed, as a screen reader expects of a toggle button.
 */
export function TokenField({
  label,
  value,
  onChange,
  readOnly,
  describedBy,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  readOnly: boolean;
  describedBy?: string;
}) {
  const [shown, setShown] = useState(false);
  return (
    <span className="em-token">
      <label>
        {label}{' '}
        <input
          type={shown ? 'text' : 'password'}
          value={value}
          size={48}
          autoComplete="off"
          spellCheck={false}
          readOnly={readOnly}
          aria-describedby={describedBy}
          placeholder={readOnly ? '' : 'from "npm run hub -- token create"'}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>{' '}
      <button type="button" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        Show {label.toLowerCase()}
      </button>
    </span>
  );
}
