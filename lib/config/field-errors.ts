/**
 * Splits a validation message of the form "url: must be an https URL; secret: too short" (what
 * describeZodError and the editors' checks produce) into one message per top-level field, so a
 * form can show each next to its field. Messages without a field are left under "(form)".
 */
export function fieldErrors(message: string | null): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!message) return errors;
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(part);
    const field = match?.[1]?.split('.')[0] ?? '(form)';
    const text = match?.[2] ?? part;
    errors[field] = errors[field] ? `${errors[field]}; ${text}` : text;
  }
  return errors;
}
