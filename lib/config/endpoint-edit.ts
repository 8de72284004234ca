import { describeZodError } from '../schema';
import { type Endpoint, EndpointSchema } from './settings';
import { slugify } from './taxonomy-edit';

/** What the endpoint form holds; an empty secret while editing means "keep the saved one". */
export interface EndpointDraft {
  id: string;
  name: string;
  url: string;
  secret: string;
  format: NonNullable<Endpoint['format']>;
  /** True routes every tag here (the `tags` key is left out); false routes only `tags`. */
  allTags: boolean;
  tags: string[];
}

/** The result of saving a draft: the whole new endpoint list, or why it is refused. */
export type EndpointEdit =
  | { ok: true; endpoint: Endpoint; endpoints: Endpoint[] }
  | { ok: false; error: string };

/** A form for a new endpoint: json, every tag. */
export const EMPTY_DRAFT: EndpointDraft = {
  id: '',
  name: '',
  url: '',
  secret: '',
  format: 'json',
  allTags: true,
  tags: [],
};

/** The form values of a saved endpoint; the secret is never put back into a form. */
export function draftOf(endpoint: Endpoint): EndpointDraft {
  return {
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    secret: '',
    format: endpoint.format ?? 'json',
    allTags: endpoint.tags === undefined,
    tags: endpoint.tags ?? [],
  };
}

/**
 * Validates a draft against the list it joins. An edited endpoint keeps its id, because queued
 * rows refer to it; a new one must not reuse an id.
 */
export function applyDraft(
  endpoints: Endpoint[],
  draft: EndpointDraft,
  editingId: string | null,
): EndpointEdit {
  const existing = editingId === null ? undefined : endpoints.find((e) => e.id === editingId);
  if (editingId !== null && !existing) return { ok: false, error: `no endpoint "${editingId}"` };
  const id = existing?.id ?? (draft.id.trim() || slugify(draft.name));
  if (!existing && endpoints.some((e) => e.id === id)) {
    return { ok: false, error: `id: an endpoint "${id}" already exists` };
  }
  const secret = draft.secret.trim() || existing?.secret || '';
  if (!secret)
    return { ok: false, error: 'secret: generate one, or paste the whsec_ secret of the receiver' };
  if (!draft.allTags && draft.tags.length === 0) {
    return { ok: false, error: 'tags: choose at least one tag, or All tags' };
  }
  const candidate: Record<string, unknown> = { id, name: draft.name.trim(), url: draft.url.trim(), secret };
  if (!draft.allTags) candidate.tags = [...new Set(draft.tags)];
  if (draft.format !== 'json') candidate.format = draft.format;
  if (existing?.enabled === false) candidate.enabled = false; // editing never re-enables by surprise
  const parsed = EndpointSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const endpoint = parsed.data;
  const next = existing ? endpoints.map((e) => (e.id === id ? endpoint : e)) : [...endpoints, endpoint];
  return { ok: true, endpoint, endpoints: next };
}
