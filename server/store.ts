import type { Item } from '../lib/schema';

/** Outcome of storing one batch: new or newer revisions stored, older or equal ones ignored. */
export interface UpsertResult {
  stored: number;
  duplicates: number;
}

/** An item as the hub keeps it: the highest revision seen, and when it was received. */
export interface HubItem {
  item: Item;
  receivedAt: string;
}

/** The hub's storage: one interface, implementations chosen by configuration. */
export interface HubStore {
  /** Keeps the highest revision per item id; re-delivered revisions are harmless. */
  upsertItems(items: Item[]): Promise<UpsertResult>;
  /** Newest captures first. */
  listItems(options: { limit: number }): Promise<HubItem[]>;
  close(): Promise<void>;
}

/** Versioned SQL migrations, applied in order at start. Append, never edit. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE items (
     id uuid PRIMARY KEY,
     revision integer NOT NULL CHECK (revision >= 1),
     deleted boolean NOT NULL,
     captured_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     data jsonb NOT NULL
   );
   CREATE INDEX items_captured_at ON items (captured_at DESC);`,
];
