import { statusWord } from '@/lib/hub/review/labels';
import { REVIEW_STATUSES, type ReviewStatus } from '@/lib/hub/review/schemas';
import { Field } from './Field';

/** A labelled select of the review statuses (the bulk bar's and an item's triage form's). */
export function StatusField(props: {
  label: string;
  value: ReviewStatus;
  onChange(status: ReviewStatus): void;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select
          id={id}
          value={props.value}
          onChange={(e) => props.onChange(REVIEW_STATUSES.find((s) => s === e.target.value) ?? props.value)}
        >
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusWord(s)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
