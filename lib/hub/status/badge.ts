/** The part of `browser.action` the badge uses (a fake in tests). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** Green: good news, not an error. */
export const BADGE_COLOR = '#1a7f37';

/** The toolbar title: says what the badge counts, so it is not only a colour and a number. */
export function badgeTitle(unseen: number): string {
  if (unseen === 0) return 'Earmark';
  return `Earmark: ${unseen} of your ${unseen === 1 ? 'captures was' : 'captures were'} actioned`;
}

/** Shows the number of actioned captures the agent has not seen yet; none clears the badge. */
export async function showUnseen(action: BadgeApi, unseen: number): Promise<void> {
  const text = unseen === 0 ? '' : unseen > 99 ? '99+' : String(unseen);
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await action.setBadgeText({ text });
  await action.setTitle({ title: badgeTitle(unseen) });
}
