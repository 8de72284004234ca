import { surfaceChoices, surfacePolicy } from './snapshot-store';
import { ANY_SITE, asSurfaceChoices, asSurfacePolicy, type Surface, siteSurface } from './surface';

// The agent's choice of surface, made in the toolbar popup (this site) and the options page
// (every site: ANY_SITE), read by the launcher at page load (lib/sidebar/surface.ts).

export { ANY_SITE } from './surface';

/** A site's surface (or every site's, for ANY_SITE), and whether the policy locks it. */
export interface SurfaceSetting {
  surface: Surface;
  locked: boolean;
  /** The policy's own default, if it sets one (shown when it is locked). */
  policySurface: Surface | null;
}

/** The surface in force for a host (or ANY_SITE), and whether the agent may change it. */
export async function surfaceSetting(host: string): Promise<SurfaceSetting> {
  const policy = asSurfacePolicy(await surfacePolicy.getValue());
  const choices = asSurfaceChoices(await surfaceChoices.getValue());
  return {
    surface: siteSurface(policy, choices, host),
    locked: policy.locked,
    policySurface: policy.surface,
  };
}

/** Remembers the agent's surface for a host (or ANY_SITE); refused where the policy locks it. */
export async function chooseSurface(host: string, surface: Surface): Promise<void> {
  if (asSurfacePolicy(await surfacePolicy.getValue()).locked) {
    throw new Error('the surface is set by your organization');
  }
  const choices = asSurfaceChoices(await surfaceChoices.getValue());
  await surfaceChoices.setValue({ ...choices, [host]: surface });
}

/** Whether `host` names every site (the options page's default) rather than one. */
export const isAnySite = (host: string) => host === ANY_SITE;
