import { useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/protocol/client';
import type { ReplyOf } from '@/lib/protocol/messages';
import { tallySourceText, tallyText, weekRange } from '@/lib/tally/this-week';

type Tally = ReplyOf<'capture-tally'>;
type State = { kind: 'loading' } | { kind: 'done'; tally: Tally } | { kind: 'failed'; error: string };

/**
 * The agent's own tally for this week (Monday 00:00 local time on): from the hub with the agent
 * token, else counted on this device; the second line says which.
 */
export function WeekTally() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const { from, to } = weekRange(new Date());
    sendToBackground('capture-tally', { from: from.toISOString(), to: to.toISOString() }).then(
      (tally) => setState({ kind: 'done', tally }),
      (error: unknown) =>
        setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  return (
    // A named region rather than a second `status`: the popup's one status line stays the queue's
    // (docs/ui-names.md); aria-live still announces the count once it arrives.
    <section aria-label="Your captures this week" aria-live="polite" className="em-tally">
      {state.kind === 'loading' ? <p>Counting this week’s captures…</p> : null}
      {state.kind === 'failed' ? <p>This week’s captures could not be counted: {state.error}</p> : null}
      {state.kind === 'done' ? (
        <>
          <p className="em-tally-counts">{tallyText(state.tally)}</p>
          <p className="em-tally-source">{tallySourceText(state.tally)}</p>
        </>
      ) : null}
    </section>
  );
}
