import type { RefObject } from 'react';
import { isUserInput, typedValue } from '../launcher/keys';
import type { Captures } from './useCaptures';

interface Props {
  captures: Captures;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  /** Enter in the note: back to the tags, so the next key press captures with the note. */
  onNoteDone(): void;
}

/**
 * The note for the next capture and the last capture's outcome ("Saved" with Undo, or the error):
 * the same in the in-page sidebar and the browser's side panel.
 */
export function NoteAndStatus({ captures, noteRef, onNoteDone }: Props) {
  const { notice } = captures;
  return (
    <>
      <label className="em-note">
        <span>Note</span>
        <textarea
          ref={noteRef}
          value={captures.note}
          rows={2}
          maxLength={10_000}
          placeholder="Added to your next capture"
          // A page script can set our value and fire `input`; only the agent's typing counts.
          onChange={(e) => captures.setNote(typedValue(e, captures.note))}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            onNoteDone();
          }}
        />
      </label>
      <div className="em-notice">
        <div role="status">{notice?.kind === 'saved' ? notice.text : ''}</div>
        {notice?.kind === 'saved' ? (
          <button
            type="button"
            className="em-undo"
            onClick={(e) => {
              if (isUserInput(e)) void captures.undo(notice.id);
            }}
          >
            Undo
          </button>
        ) : null}
        {notice?.kind === 'error' ? <div role="alert">{notice.text}</div> : null}
      </div>
    </>
  );
}
