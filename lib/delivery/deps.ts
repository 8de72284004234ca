import type { Endpoint, Hub } from '../config/settings';
import type { EarmarkDatabase } from '../store/db';

// Its own module: flush (which calls lease) and lease (which takes these deps) both name it.

/** What a flush needs from the outside world, injected so tests can fake time and network. */
export interface DeliveryDeps {
  db: EarmarkDatabase;
  endpoints: Endpoint[];
  /** The hub in force: its agent token goes with deliveries to endpoints under its URL, and nowhere else. */
  hub?: Hub | null;
  fetch: typeof fetch;
  now: () => number;
  newBatchId: () => string;
  /** Identifies this worker instance: leases held by another (killed) instance are void. */
  workerId?: string;
  /** False while the browser is offline: nothing is attempted and no attempt is burned. */
  isOnline?: () => boolean;
  /** How long a flush owns the rows it sends; must exceed the request timeout. */
  leaseMs?: number;
  /** Multiplies the retry schedule (1 in production; tests shorten it). */
  retryScale?: number;
}
