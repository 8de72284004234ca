import { type ReactNode, useId } from 'react';

/**
 * A labelled form field of the review page: the label names its control through a generated id,
 * so each control's accessible name is exactly `label`.
 */
export function Field(props: { label: string; wide?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={props.wide ? 'em-field em-field-wide' : 'em-field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}

/** A triage comment (up to 2,000 characters): one line in the bulk bar, a small box on an item. */
export function CommentField(props: {
  label: string;
  multiline?: boolean;
  value: string;
  onChange: (comment: string) => void;
}) {
  const common = { value: props.value, maxLength: 2000 };
  return (
    <Field label={props.label} wide>
      {(id) =>
        props.multiline ? (
          <textarea id={id} rows={2} {...common} onChange={(e) => props.onChange(e.target.value)} />
        ) : (
          <input id={id} type="text" {...common} onChange={(e) => props.onChange(e.target.value)} />
        )
      }
    </Field>
  );
}
