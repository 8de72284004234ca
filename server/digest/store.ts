import type { Period } from './period';

// The digest's part of the hub store (HubStore extends it), SQL in sql-store/digest-*.ts.

/** Where a digest goes: a Slack or Teams incoming webhook, or a signed JSON POST. */
export const DIGEST_FORMATS = ['slack', 'teams', 'json'] as const;
/** One digest target format. */
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** A theme with items in a period: its count there and in the previous period, and one sample text. */
export interface ThemeGrowthRow {
  id: string;
  title: string;
  count: number;
  previous: number;
  /** The quote (else note) of the theme's latest item in the period; stored redacted. */
  sample: { itemId: string; text: string } | null;
}

/** An item whose status became "actioned" within a period. */
export interface ActionedRow {
  id: string;
  tags: string[];
  /** The item's note, else its quote (redacted), or null. */
  text: string | null;
  comment: string | null;
  actionedAt: string;
}

/** A team's digest target with its delivery record. Times are ISO; null = never. */
export interface DigestTarget {
  id: string;
  teamId: string;
  teamName: string;
  url: string;
  format: DigestFormat;
  /** The signing secret of a json target (null for slack/teams); never printed after `add`. */
  secret: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  /** Why the last send failed after its retries; null after a delivery. */
  lastError: string | null;
  deliveredAt: string | null;
  /** End of the latest period delivered here (the schedule sends each period once). */
  sentThrough: string | null;
}

/** The outcome of one send to a target (after its retries). */
export interface DigestAttempt {
  at: Date;
  error: string | null;
  /** The period delivered (set only when error is null). */
  period: Period | null;
}

/** Digest queries and digest targets. */
export interface DigestStore {
  /** The team with this id, or null. */
  teamById(id: string): Promise<{ id: string; name: string } | null>;
  /** Themes of the team with items in `period`, fastest growing against `previous` first. */
  themeGrowth(teamId: string, period: Period, previous: Period, limit: number): Promise<ThemeGrowthRow[]>;
  /** Live items of the team actioned within the period, latest first: how many, and the first `limit`. */
  actionedItems(
    teamId: string,
    period: Period,
    limit: number,
  ): Promise<{ total: number; items: ActionedRow[] }>;
  addDigestTarget(target: {
    teamId: string;
    url: string;
    format: DigestFormat;
    secret: string | null;
  }): Promise<DigestTarget>;
  /** One team's targets, or every team's (undefined), oldest first. */
  listDigestTargets(teamId?: string): Promise<DigestTarget[]>;
  /** Deletes a target; false when no target has this id. */
  removeDigestTarget(id: string): Promise<boolean>;
  /**
   * Claims a scheduled send of the period ending `periodTo`: true (and the attempt time set to
   * `at`) only when it was not delivered yet and no attempt started in the last `retryMs`, so two
   * hub processes, or one restarted, never both send it.
   */
  claimDigestTarget(id: string, periodTo: string, at: Date, retryMs: number): Promise<boolean>;
  /** Records a send's outcome: the error, or the delivery and the period it covered. */
  recordDigestAttempt(id: string, attempt: DigestAttempt): Promise<void>;
}
