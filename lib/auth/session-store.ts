import { readRecord, writeRecord } from '../config/settings-db';
import { type SignInIdentity, type StoredSession, StoredSessionSchema } from './session';

// The sign-in session lives beside the settings in the extension's IndexedDB: only the worker and
// the extension's pages can open it, never a content script (lib/config/settings-db.ts). The worker
// writes it (lib/auth/session-keeper.ts); pages read only who is signed in.

const SESSION_VERSION = 1;

/** The stored session, or null when nobody is signed in (or the record is unreadable). */
export async function readSession(): Promise<StoredSession | null> {
  const record = await readRecord('session');
  if (!record) return null;
  const parsed = StoredSessionSchema.safeParse(record.value);
  if (!parsed.success) console.error('Earmark: the stored sign-in is invalid; signed out', parsed.error);
  return parsed.success ? parsed.data : null;
}

/** Stores the session (null: signed out). */
export function writeSession(session: StoredSession | null): Promise<void> {
  return writeRecord('session', session ? { version: SESSION_VERSION, value: session } : null);
}

/** Who is signed in, without the tokens. */
export function identityOf(session: StoredSession | null): SignInIdentity | null {
  return session ? { hubUrl: session.hubUrl, person: session.person } : null;
}
