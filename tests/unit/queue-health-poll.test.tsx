// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The options page shows the queue in two places (delivery panel, endpoint cards): one poll serves both.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const sent = vi.fn();
vi.mock('@/lib/protocol/client', () => ({
  sendToBackground: (...args: unknown[]) => sent(...args),
}));

const { useQueueHealth } = await import('../../components/shared/useQueueHealth');

function Part({ name }: { name: string }) {
  const { health, error } = useQueueHealth();
  return <p>{`${name}: ${error ?? (health ? `${health.pendingItems} waiting` : 'loading')}`}</p>;
}

describe('the queue health poll', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sent.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('asks the worker once per round for every part of the page, clears an error when it answers again, and stops when none is left', async () => {
    sent.mockResolvedValue({ pendingItems: 3 });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <>
          <Part name="panel" />
          <Part name="cards" />
        </>,
      ),
    );
    const text = () => [...host.querySelectorAll('p')].map((p) => p.textContent);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(text()).toEqual(['panel: 3 waiting', 'cards: 3 waiting']);

    sent.mockRejectedValueOnce(new Error('no worker'));
    await act(async () => vi.advanceTimersByTimeAsync(2000));
    expect(sent).toHaveBeenCalledTimes(2);
    expect(text()).toEqual(['panel: Error: no worker', 'cards: Error: no worker']);

    sent.mockResolvedValue({ pendingItems: 1 });
    await act(async () => vi.advanceTimersByTimeAsync(2000));
    expect(text()).toEqual(['panel: 1 waiting', 'cards: 1 waiting']);

    await act(async () => root.unmount());
    await act(async () => vi.advanceTimersByTimeAsync(10_000));
    expect(sent).toHaveBeenCalledTimes(3);
  });
});
