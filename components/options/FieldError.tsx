/** The DOM id of a form's field's inline error, for the field's aria-describedby. */
export function fieldErrorId(form: string, field: string): string {
  return `em-error-${form}-${field}`;
}

/** A field's problem, shown right under it and read with it (the field points here). */
export function FieldError({
  form,
  field,
  errors,
}: {
  form: string;
  field: string;
  errors: Record<string, string>;
}) {
  const message = errors[field];
  return message ? (
    <span id={fieldErrorId(form, field)} className="em-field-error">
      {message}
    </span>
  ) : null;
}
