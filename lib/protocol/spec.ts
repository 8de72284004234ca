import type * as z from 'zod/mini';

// What declaring a message takes (SPECS in ./messages.ts): its flags, which are plain data read
// without building anything, and a builder for its zod schemas, run on first use.

/** Who answers a message: the background service worker, or the content script in a CRM tab. */
export type Receiver = 'worker' | 'tab';

/** What a message is, apart from its request and reply shapes. */
export interface MessageFlags {
  readonly receiver: Receiver;
  /**
   * Refused unless it comes from an extension page (popup, options): a content script runs inside
   * the CRM page's renderer and must not manage delivery.
   */
  readonly pageOnly?: true;
  /** Answering it only reads: nothing the sidebar shows can have changed after it. */
  readonly readOnly?: true;
}

/** A message's request and reply schemas. */
interface Schemas {
  request: z.ZodMiniType<{ type: string }>;
  reply: z.ZodMiniType;
}

/** One message: its flags, readable at once, and its schemas, built only when `build` is called. */
export interface Spec<F extends MessageFlags = MessageFlags, S extends Schemas = Schemas> {
  flags: F;
  build: () => S;
}

/**
 * Declares a message; `const` keeps the flags' literal types (the receiver routes the type), and a
 * flag MessageFlags does not know (a misspelt `readonly`) fails typecheck.
 */
export const spec = <const F extends MessageFlags, S extends Schemas>(
  flags: F & { [K in Exclude<keyof F, keyof MessageFlags>]: never },
  build: () => S,
): Spec<F, S> => ({ flags, build });

/** The types in a spec map whose request's literal `type` is not their own key (must be none). */
export type MisnamedRequests<S extends Record<string, Spec>> = {
  [K in keyof S]: z.output<ReturnType<S[K]['build']>['request']> extends { type: K } ? never : K;
}[keyof S];

/** Compiles only when T is never; otherwise the error names T (here: a misnamed request). */
export type None<T extends never> = T;
