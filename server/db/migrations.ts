/** Versioned SQL migrations, applied in order at start (db/sql.ts). Append, never edit. */
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
  // Teams, secrets, tokens, triage. Secrets are kept in clear because HMAC verification needs them;
  // tokens are kept only as SHA-256 hashes.
  `CREATE TABLE teams (
     id uuid PRIMARY KEY,
     name text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE team_secrets (
     id uuid PRIMARY KEY,
     team_id uuid NOT NULL REFERENCES teams (id),
     secret text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz
   );
   CREATE INDEX team_secrets_team ON team_secrets (team_id);
   CREATE TABLE tokens (
     id uuid PRIMARY KEY,
     hash text NOT NULL UNIQUE,
     role text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
     team_id uuid REFERENCES teams (id),
     agent_id text,
     created_at timestamptz NOT NULL DEFAULT now(),
     revoked_at timestamptz
   );
   ALTER TABLE items ADD COLUMN team_id uuid REFERENCES teams (id);
   ALTER TABLE items ADD COLUMN agent_id text;
   ALTER TABLE items ADD COLUMN site text;
   ALTER TABLE items ADD COLUMN status text NOT NULL DEFAULT 'new'
     CHECK (status IN ('new', 'reviewed', 'actioned', 'declined'));
   ALTER TABLE items ADD COLUMN status_comment text;
   ALTER TABLE items ADD COLUMN status_updated_at timestamptz;
   UPDATE items SET agent_id = data->'agent'->>'id', site = data->'source'->>'site';
   CREATE INDEX items_team_captured ON items (team_id, captured_at DESC, id DESC);
   CREATE INDEX items_team_status ON items (team_id, status);
   CREATE INDEX items_agent ON items (agent_id);
   CREATE INDEX items_tags ON items USING gin ((data->'tags') jsonb_path_ops);
   CREATE INDEX items_search ON items USING gin (
     to_tsvector('simple', coalesce(data->>'note', '') || ' ' || coalesce(data->>'quote', '')));
   CREATE TABLE triage_history (
     id bigserial PRIMARY KEY,
     item_id uuid NOT NULL REFERENCES items (id),
     status text NOT NULL,
     comment text,
     actor_token_id uuid,
     actor_role text NOT NULL,
     at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX triage_history_item ON triage_history (item_id, at);`,
  // Token lifecycle: when a token last authenticated (recorded at most once a minute per token).
  `ALTER TABLE tokens ADD COLUMN last_used_at timestamptz;`,
  // Agent attribution: a team may refuse deliveries without an agent token, and an item records
  // whether its latest revision came with the token of the agent it names.
  `ALTER TABLE teams ADD COLUMN require_agent_token boolean NOT NULL DEFAULT false;
   ALTER TABLE items ADD COLUMN agent_verified boolean NOT NULL DEFAULT false;`,
  // Themes (server/themes/): per team, the themes with their centroids (merged-away ones keep their
  // row so old ids resolve), each item's theme and unit vector (needed to take it out of a centroid
  // exactly), and the document frequencies behind IDF. Item text is not copied: it is the item's
  // note (or quote) in data. theme_version counts saves, so a hub process sees another's changes.
  `CREATE TABLE themes (
     id uuid PRIMARY KEY,
     team_id uuid NOT NULL REFERENCES teams (id),
     title text,
     title_item_id uuid,
     count integer NOT NULL,
     centroid jsonb NOT NULL,
     norm2 double precision NOT NULL,
     pins jsonb NOT NULL,
     facets jsonb NOT NULL,
     merged_into uuid,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   );
   CREATE INDEX themes_team ON themes (team_id);
   CREATE TABLE theme_terms (
     team_id uuid NOT NULL REFERENCES teams (id),
     term text NOT NULL,
     df integer NOT NULL,
     PRIMARY KEY (team_id, term)
   );
   ALTER TABLE teams ADD COLUMN theme_documents integer NOT NULL DEFAULT 0;
   ALTER TABLE teams ADD COLUMN theme_version bigint NOT NULL DEFAULT 0;
   ALTER TABLE items ADD COLUMN theme_id uuid;
   ALTER TABLE items ADD COLUMN theme_vector jsonb;
   ALTER TABLE items ADD COLUMN theme_pinned boolean NOT NULL DEFAULT false;
   CREATE INDEX items_team_theme ON items (team_id, theme_id);`,
  // Digest targets (server/digest/): per team, where the periodic digest goes. A json target's
  // signing secret is kept in clear (HMAC needs it). The delivery record makes a failure visible
  // (last_error) and sent_through, the end of the latest period delivered, keeps the schedule from
  // sending a period twice, also across restarts.
  `CREATE TABLE digest_targets (
     id uuid PRIMARY KEY,
     team_id uuid NOT NULL REFERENCES teams (id),
     url text NOT NULL,
     format text NOT NULL CHECK (format IN ('slack', 'teams', 'json')),
     secret text,
     created_at timestamptz NOT NULL DEFAULT now(),
     last_attempt_at timestamptz,
     last_error text,
     delivered_at timestamptz,
     sent_through timestamptz
   );
   CREATE INDEX digest_targets_team ON digest_targets (team_id);
   CREATE INDEX items_team_status_updated ON items (team_id, status_updated_at);`,
  // Item vectors move out of the items heap into a table of their own: only the grouping engine
  // reads them (on load), and inline they made every listing read twice the items' data. Theme
  // listings (sql-store/theme-list.ts) group a team's live grouped items by theme: the index holds
  // every column they read unfiltered or by status, so on all-visible pages they read no heap.
  `CREATE TABLE theme_vectors (
     item_id uuid PRIMARY KEY,
     team_id uuid NOT NULL,
     vector jsonb NOT NULL
   );
   INSERT INTO theme_vectors (item_id, team_id, vector)
     SELECT id, team_id, theme_vector FROM items WHERE theme_vector IS NOT NULL AND team_id IS NOT NULL;
   ALTER TABLE items DROP COLUMN theme_vector;
   CREATE INDEX items_team_theme_listing ON items (team_id, theme_id, captured_at)
     INCLUDE (agent_id, status) WHERE theme_id IS NOT NULL AND NOT deleted;`,
  // Theme listings read each item's tags for the tag mix: a stored copy of them (NULL when large
  // enough to overflow a btree entry, which only a hostile item reaches; the listing then reads
  // that item's data) joins the covering index, so an unfiltered listing reads no heap at all.
  `ALTER TABLE items ADD COLUMN listing_tags jsonb GENERATED ALWAYS AS (
     CASE WHEN octet_length((data->'tags')::text) <= 1000 THEN data->'tags' END) STORED;
   DROP INDEX items_team_theme_listing;
   CREATE INDEX items_team_theme_listing ON items (team_id, theme_id, captured_at)
     INCLUDE (agent_id, status, id, listing_tags) WHERE theme_id IS NOT NULL AND NOT deleted;`,
  // Sign-in with the organisation's identity provider (OpenID Connect, server/auth/oidc.ts): which
  // IdP groups make a person an agent or a lead of a team; sign-ins waiting for the IdP's answer and
  // the one-time codes handed to the extension (both short-lived, deleted when used); sessions,
  // whose access tokens are ordinary tokens rows with an end and their session.
  `CREATE TABLE team_groups (
     group_name text NOT NULL,
     role text NOT NULL CHECK (role IN ('agent', 'lead')),
     team_id uuid NOT NULL REFERENCES teams (id),
     PRIMARY KEY (group_name, role)
   );
   CREATE TABLE sign_in_requests (
     state text PRIMARY KEY,
     verifier text NOT NULL,
     nonce text NOT NULL,
     return_to text NOT NULL,
     client_challenge text NOT NULL,
     client_state text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE sign_in_codes (
     code_hash text PRIMARY KEY,
     client_challenge text NOT NULL,
     person jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE sessions (
     id uuid PRIMARY KEY,
     team_id uuid NOT NULL REFERENCES teams (id),
     role text NOT NULL CHECK (role IN ('agent', 'lead')),
     subject text NOT NULL,
     agent_id text NOT NULL,
     email text,
     name text,
     refresh_hash text NOT NULL UNIQUE,
     previous_refresh_hash text UNIQUE,
     created_at timestamptz NOT NULL DEFAULT now(),
     refreshed_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz
   );
   CREATE INDEX sessions_team ON sessions (team_id);
   ALTER TABLE tokens ADD COLUMN session_id uuid REFERENCES sessions (id);
   ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
   CREATE INDEX tokens_session ON tokens (session_id);`,
  // A team may accept deliveries only from agents signed in with the company account (a sign-in
  // session's access token), not from agent tokens handed out with the CLI.
  `ALTER TABLE teams ADD COLUMN require_signed_in boolean NOT NULL DEFAULT false;`,
  // Document frequencies and theme centroids are computed from the grouped items' vectors when a
  // team's engine loads (themes/memory-store.ts: frequenciesOf, centroidsFrom). Stored, every
  // ingest rewrote a row per word seen and the whole centroid of every theme it touched. Vectors
  // become JSON text: only the engine reads them, whole, and text skips jsonb's parse on write.
  `DROP TABLE theme_terms;
   ALTER TABLE themes DROP COLUMN centroid;
   ALTER TABLE themes DROP COLUMN norm2;
   ALTER TABLE theme_vectors ALTER COLUMN vector TYPE text USING vector::text;`,
];
