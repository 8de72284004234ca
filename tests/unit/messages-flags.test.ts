import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { TabHandlers } from '../../components/sidebar/launcher/tab-messages';
import { createSignInHandlers, type SignInHandlerDeps } from '../../lib/auth/handlers';
import { createCaptureHandlers, type HandlerDeps } from '../../lib/capture/handlers';
import {
  createMenuFailureHandlers,
  type MenuFailureHandlerDeps,
} from '../../lib/capture/menu-failure-handlers';
import { type AdminDeps, createAdminHandlers } from '../../lib/delivery/admin-handlers';
import { createEndpointHandlers, type EndpointHandlerDeps } from '../../lib/delivery/endpoint-handlers';
import { createReviewHandlers, type ReviewHandlerDeps } from '../../lib/hub/status/handlers';
import {
  anyRequestSchema,
  MESSAGE_FLAGS,
  type MessageType,
  messageFlags,
  PROTOCOL,
  type RequestOf,
  type WorkerHandlers,
} from '../../lib/protocol/messages';
import { type MisnamedRequests, spec } from '../../lib/protocol/spec';
import { createPanelWindows, type PanelWindowDeps } from '../../lib/sidepanel/panel-windows';
import { createTallyHandlers, type TallyDeps } from '../../lib/tally/handler';
import { TICKET_CONTEXT } from '../helpers/context';

// A message type is declared once, its flags with its spec (SPECS in lib/protocol/messages.ts);
// the request union and the receivers' handler maps follow from the declaration.

const ID = '0190a000-0000-7000-8000-000000000001';

/** A valid request of every type: typed so that a type declared without one fails typecheck. */
const SAMPLES: { [T in MessageType]: RequestOf<T> } = {
  capture: { type: 'capture', tagId: 'bug', note: null, quote: null, context: TICKET_CONTEXT },
  undo: { type: 'undo', id: ID },
  recent: { type: 'recent', limit: 5 },
  'sidebar-config': { type: 'sidebar-config' },
  revise: { type: 'revise', id: ID, change: { kind: 'delete' } },
  'ticket-context': { type: 'ticket-context' },
  'toggle-sidebar': { type: 'toggle-sidebar' },
  'page-selection': { type: 'page-selection' },
  'side-panel-opened': { type: 'side-panel-opened' },
  'side-panel-closed': { type: 'side-panel-closed' },
  'side-panel-state': { type: 'side-panel-state' },
  'open-side-panel': { type: 'open-side-panel' },
  'side-panel-page': { type: 'side-panel-page', open: true, windowId: 3 },
  'queue-health': { type: 'queue-health' },
  'endpoint-resume': { type: 'endpoint-resume', endpointId: 'hub' },
  'reviews-refresh': { type: 'reviews-refresh' },
  'reviews-seen': { type: 'reviews-seen', ids: 'all' },
  'reviews-unseen': { type: 'reviews-unseen' },
  'capture-tally': {
    type: 'capture-tally',
    from: '2026-11-23T00:00:00+01:00',
    to: '2026-11-30T00:00:00+01:00',
  },
  'dead-letters': { type: 'dead-letters', action: 'export' },
  'menu-failures': { type: 'menu-failures' },
  'menu-failure': { type: 'menu-failure', id: ID, action: 'dismiss' },
  'sign-in': { type: 'sign-in' },
  'sign-out': { type: 'sign-out' },
  'hub-access': { type: 'hub-access' },
  'endpoint-queued-count': { type: 'endpoint-queued-count', endpointId: 'hub' },
  'endpoint-queued-export': { type: 'endpoint-queued-export', endpointId: 'hub' },
  'endpoint-queued-drop': {
    type: 'endpoint-queued-drop',
    endpointId: 'hub',
    items: [{ id: ID, revision: 1 }],
  },
  'endpoint-test': {
    type: 'endpoint-test',
    endpoint: { id: 'hub', name: 'Hub', url: 'https://hub.example/hook', secret: 'whsec_x' },
  },
};

/** The background's handler map as entrypoints/background builds it (deps are never called here). */
function workerHandlers() {
  return {
    ...createCaptureHandlers({} as HandlerDeps),
    ...createAdminHandlers({} as AdminDeps),
    ...createReviewHandlers({} as ReviewHandlerDeps),
    ...createEndpointHandlers({} as EndpointHandlerDeps),
    ...createMenuFailureHandlers({} as MenuFailureHandlerDeps),
    ...createPanelWindows({} as PanelWindowDeps).handlers,
    ...createTallyHandlers({} as TallyDeps),
    ...createSignInHandlers({} as SignInHandlerDeps),
  } satisfies WorkerHandlers;
}

const typesTo = (receiver: 'worker' | 'tab') =>
  Object.entries(MESSAGE_FLAGS)
    .filter(([, flags]) => flags.receiver === receiver)
    .map(([type]) => type);

describe('the protocol, declared once', () => {
  it('has a spec for every declared type, carrying that type’s flags', () => {
    expect(Object.keys(PROTOCOL)).toEqual(Object.keys(MESSAGE_FLAGS));
    for (const [type, flags] of Object.entries(MESSAGE_FLAGS)) {
      expect(PROTOCOL[type as MessageType]).toMatchObject(flags);
      expect(messageFlags(type)).toBe(flags);
    }
    for (const undeclared of ['nope', '__proto__', 'constructor', 42, null]) {
      expect(messageFlags(undeclared)).toBeUndefined();
    }
  });

  it('derives the request union: every declared type is accepted, an undeclared one refused', () => {
    for (const [type, request] of Object.entries(SAMPLES)) {
      const parsed = anyRequestSchema().safeParse(request);
      expect(parsed.success, type).toBe(true);
      expect(parsed.data?.type).toBe(type);
    }
    expect(anyRequestSchema().safeParse({ type: 'redo', id: ID }).success).toBe(false);
    expect(anyRequestSchema().safeParse({ ...SAMPLES.undo, type: 'undo-all' }).success).toBe(false);
    expect(anyRequestSchema().safeParse({ id: ID }).success).toBe(false);
  });

  it('names the tab messages, and the background has a handler for exactly the worker ones', () => {
    expect(typesTo('tab')).toEqual([
      'ticket-context',
      'page-selection',
      'side-panel-opened',
      'side-panel-closed',
      'toggle-sidebar',
    ]);
    expect(Object.keys(workerHandlers()).sort()).toEqual(typesTo('worker').sort());
  });

  it('refuses a handler map that misses a message (typecheck; see the @ts-expect-error lines)', () => {
    const { 'dead-letters': _deadLetters, ...withoutOne } = workerHandlers();
    // @ts-expect-error -- 'dead-letters' is received by the worker and has no handler here
    const incomplete: WorkerHandlers = withoutOne;
    expect(Object.keys(incomplete)).not.toContain('dead-letters');

    const toggleOnly = { 'toggle-sidebar': () => ({ ok: true, value: null }) } as const;
    // @ts-expect-error -- 'ticket-context' is received by the tab and has no handler here
    const tabIncomplete: TabHandlers = toggleOnly;
    expect(Object.keys(tabIncomplete)).toEqual(['toggle-sidebar']);
  });

  it('names a spec whose request type is not its key (typecheck; SPECS must name none)', () => {
    const request = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });
    const misnamed = {
      undo: spec({ receiver: 'worker' }, () => ({ request: request('redo'), reply: z.null() })),
    };
    const named = {
      undo: spec({ receiver: 'worker' }, () => ({ request: request('undo'), reply: z.null() })),
    };
    const caught: MisnamedRequests<typeof misnamed> = 'undo';
    // @ts-expect-error -- every request in `named` carries its own key: nothing is misnamed
    const none: MisnamedRequests<typeof named> = 'undo';
    expect([caught, none]).toEqual(['undo', 'undo']);
    expect(misnamed.undo.build().request.safeParse({ type: 'undo' }).success).toBe(false);
  });
});
