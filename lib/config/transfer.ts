import { z } from 'zod';
import { EXTENSION_ID } from './extension-id';
import type { PolicyProblem } from './policy';
import { duplicateProblems } from './rules';
import {
  DEFAULT_TAXONOMY,
  EndpointSchema,
  type Hub,
  HubSchema,
  type LocalSettings,
  LocalSettingsObjectSchema,
  LocalSettingsSchema,
  SecretSchema,
} from './settings';
import { updateLocalSettings } from './store';

/** Version of the exported configuration file format. */
export const CONFIG_FILE_VERSION = 1;

/** An exported endpoint: `secret: null` means "keep the secret this browser has for that id". */
const ExportedEndpointSchema = EndpointSchema.extend({ secret: SecretSchema.nullable() });

/** The configuration file: an envelope with a version, around the local settings. */
export const ConfigFileSchema = z.strictObject({
  earmarkConfig: z.literal(CONFIG_FILE_VERSION, {
    error: `must be ${CONFIG_FILE_VERSION} (the configuration file version this Earmark reads)`,
  }),
  // `hub` arrived with settings v3: files exported before it simply keep this browser's hub.
  settings: LocalSettingsObjectSchema.extend({
    endpoints: z.array(ExportedEndpointSchema),
    hub: HubSchema.nullable().optional(),
  }),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** The local configuration as a file; secrets become null unless asked for. */
export function exportConfig(settings: LocalSettings, options: { includeSecrets: boolean }): ConfigFile {
  return {
    earmarkConfig: CONFIG_FILE_VERSION,
    settings: {
      ...settings,
      endpoints: settings.endpoints.map((e) => ({ ...e, secret: options.includeSecrets ? e.secret : null })),
      // Hub tokens are personal credentials, treated like secrets.
      hub: settings.hub && (options.includeSecrets ? settings.hub : { url: settings.hub.url }),
    },
  };
}

/** Outcome of checking an import: the settings to write, or every problem found, by path. */
export type ImportPlan = { ok: true; settings: LocalSettings } | { ok: false; problems: PolicyProblem[] };

/** zod issues as path-addressed problems; an unknown key is reported at its own path. */
function issueProblems(error: z.ZodError): PolicyProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      // A key named "" still gets a path an admin can find.
      return issue.keys.map((key) => ({ path: [...path, key || '""'].join('.'), message: 'unknown key' }));
    }
    return [{ path: path.join('.') || '(file)', message: issue.message }];
  });
}

/** Null secrets must name an endpoint this browser already has; found on the raw input. */
function secretProblems(raw: unknown, current: LocalSettings): PolicyProblem[] {
  const endpoints = (raw as { settings?: { endpoints?: unknown } } | null)?.settings?.endpoints;
  if (!Array.isArray(endpoints)) return [];
  return endpoints.flatMap((entry: unknown, index) => {
    const e = entry as { id?: unknown; secret?: unknown } | null;
    if (e?.secret !== null || current.endpoints.some((c) => c.id === e.id)) return [];
    return [
      {
        path: `settings.endpoints.${index}.secret`,
        message: `no secret in the file and no endpoint "${String(e.id)}" here to keep it from`,
      },
    ];
  });
}

/**
 * Checks an imported file completely before anything changes: schema, duplicate ids and hotkeys,
 * and secrets to keep. Every problem is listed, so the admin fixes the file in one pass.
 */
export function planImport(text: string, current: LocalSettings): ImportPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON (${String(error)})` }] };
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  const settingsRaw = (raw as { settings?: unknown } | null)?.settings;
  const problems = [
    ...(parsed.success ? [] : issueProblems(parsed.error)),
    ...duplicateProblems(settingsRaw, 'settings.'),
    ...secretProblems(raw, current),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const endpoints = parsed.data.settings.endpoints.map((e) => ({
    ...e,
    secret: e.secret ?? current.endpoints.find((c) => c.id === e.id)?.secret ?? '',
  }));
  const settings = LocalSettingsSchema.safeParse({
    ...parsed.data.settings,
    endpoints,
    hub: importedHub(parsed.data.settings.hub, current.hub),
  });
  return settings.success
    ? { ok: true, settings: settings.data }
    : { ok: false, problems: issueProblems(settings.error) };
}

/** An imported hub keeps this browser's tokens for the same URL when the file has none. */
function importedHub(file: Hub | null | undefined, current: Hub | null): Hub | null {
  if (file === undefined) return current;
  if (!file || !current || file.url !== current.url) return file;
  return {
    ...file,
    agentToken: file.agentToken ?? current.agentToken,
    leadToken: file.leadToken ?? current.leadToken,
  };
}

/** The managed-policy file for Chrome on Linux (and the value to paste elsewhere), for this extension. */
export function policyFileFor(settings: LocalSettings): Record<string, unknown> {
  const policy: Record<string, unknown> = { endpoints: settings.endpoints };
  // A null agent means "not set": the policy leaves the key out rather than send an invalid value.
  if (settings.agent) policy.agent = settings.agent;
  policy.taxonomy = settings.taxonomy ?? DEFAULT_TAXONOMY;
  policy.sites = settings.sites;
  policy.urlMode = settings.urlMode;
  // Tokens are per person, so a fleet policy names only the hub's address.
  if (settings.hub) policy.hub = { url: settings.hub.url };
  return { '3rdparty': { extensions: { [EXTENSION_ID]: policy } } };
}

/**
 * Imports a configuration file all-or-nothing: the plan is made against the settings read inside
 * the update, and a refused plan throws before anything is written.
 */
export async function importConfig(text: string): Promise<ImportPlan> {
  // A holder, not a `let`: the plan is set inside the update callback.
  const made: { plan?: ImportPlan } = {};
  try {
    await updateLocalSettings((current) => {
      made.plan = planImport(text, current);
      if (!made.plan.ok) throw new Error('import refused');
      return made.plan.settings;
    });
  } catch (error) {
    if (made.plan && !made.plan.ok) return made.plan;
    throw error;
  }
  if (!made.plan) throw new Error('import was not planned');
  return made.plan;
}
