/** How many of the agent's latest captures the sidebar lists (the launcher asks for them early). */
export const RECENT_LIMIT = 10;
