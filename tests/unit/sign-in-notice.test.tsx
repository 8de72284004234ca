// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInNotice } from '../../components/sidebar/app/SignInNotice';

// The sidebar's "Sign in to <hub>" while the policy requires a sign-in: one click starts it, and a
// refusal is shown in the hub's words.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function rendered(host: string | undefined, signIn: () => Promise<string | null>) {
  const element = document.createElement('div');
  document.body.append(element);
  await act(async () => createRoot(element).render(<SignInNotice host={host} signIn={signIn} />));
  return element;
}

describe('the sidebar sign-in notice', () => {
  afterEach(() => document.body.replaceChildren());

  it('is not there when no sign-in is required', async () => {
    expect((await rendered(undefined, vi.fn())).textContent).toBe('');
  });

  it('starts the sign-in with one click and shows why it did not work', async () => {
    const signIn = vi.fn(
      async () => 'pat@corp.example signed in, but none of your groups belongs to an Earmark team.',
    );
    const element = await rendered('hub.example.com', signIn);
    const region = element.querySelector('section[aria-label="Sign-in required"]');
    expect(region?.textContent).toContain('Sign in to send');
    const button = element.querySelector('button');
    expect(button?.textContent).toBe('Sign in to hub.example.com');
    await act(async () => button?.click());
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('none of your groups');
    expect(button?.disabled).toBe(false);
  });
});
