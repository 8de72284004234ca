// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import servicenow from '../../../lib/sites/adapters/servicenow';
import { describeAdapterContract } from '../../helpers/adapter-contract';

function readFixture(name: string): string {
  return readFileSync(resolve('tests/fixtures', name), 'utf8');
}

function loadFixture(name: string): Document {
  return new DOMParser().parseFromString(readFixture(name), 'text/html');
}

/**
 * The nav_to.do shell with the incident form as its frame's document. happy-dom would fetch the
 * frame's src (there is no server in unit tests), so the src is dropped before parsing and the
 * parsed form is attached as the frame's contentDocument by hand — the same object a content
 * script gets from a loaded same-origin frame.
 */
function navToWithFrame(frameDocument: Document | null | 'throws'): Document {
  const shell = readFixture('servicenow-nav-to.html').replace(/(<iframe\b[^>]*?)\ssrc="[^"]*"/, '$1');
  const doc = new DOMParser().parseFromString(shell, 'text/html');
  const frame = doc.querySelector('iframe#gsft_main');
  if (!frame) throw new Error('fixture has no gsft_main frame');
  Object.defineProperty(frame, 'contentDocument', {
    get: () => {
      if (frameDocument === 'throws') throw new DOMException('Blocked a frame', 'SecurityError');
      return frameDocument;
    },
  });
  return doc;
}

const HOST = 'https://acme.service-now.com';
const SYS_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OTHER_SYS_ID = 'f0e9d8c7b6a5049382716a5b4c3d2e1f';
const FORM_URL = `${HOST}/incident.do?sys_id=${SYS_ID}`;
const navTo = (sysId: string) =>
  new URL(`${HOST}/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D${sysId}%26sysparm_view%3D`);

describe('servicenow adapter', () => {
  it('reads a classic form page', () => {
    const ctx = servicenow.context(
      loadFixture('servicenow-incident.html'),
      new URL(`${FORM_URL}&sysparm_stack=list`),
    );
    expect(ctx).toEqual({
      site: 'servicenow',
      url: FORM_URL,
      title: 'Email sync fails on mobile',
      ticketId: 'INC0010023',
    });
  });

  it('reads the form inside nav_to.do’s gsft_main frame', () => {
    const ctx = servicenow.context(navToWithFrame(loadFixture('servicenow-incident.html')), navTo(SYS_ID));
    expect(ctx).toEqual({
      site: 'servicenow',
      url: FORM_URL,
      title: 'Email sync fails on mobile',
      ticketId: 'INC0010023',
    });
  });

  it('uses the frame when the top URL names no record, and the URL when the frame lags behind', () => {
    const doc = navToWithFrame(loadFixture('servicenow-incident.html'));
    expect(servicenow.context(doc, new URL(`${HOST}/nav_to.do?uri=%2Fincident_list.do`)).ticketId).toBe(
      'INC0010023',
    );
    // SPA-style change: the URL already names the next record while the frame still shows the old one.
    expect(servicenow.context(doc, navTo(OTHER_SYS_ID))).toEqual({
      site: 'servicenow',
      url: `${HOST}/incident.do?sys_id=${OTHER_SYS_ID}`,
      title: 'ServiceNow',
      ticketId: OTHER_SYS_ID,
    });
  });

  it('falls back to the URL’s sys_id when the frame is missing, blocked or not loaded', () => {
    for (const frame of [null, 'throws'] as const) {
      expect(servicenow.context(navToWithFrame(frame), navTo(SYS_ID))).toMatchObject({
        ticketId: SYS_ID,
        url: FORM_URL,
      });
    }
    const nextExperience = new URL(
      `${HOST}/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${SYS_ID}`,
    );
    expect(servicenow.context(navToWithFrame(null), nextExperience)).toMatchObject({
      ticketId: SYS_ID,
      url: FORM_URL,
    });
  });

  it('reads workspace records from the URL and the tab title', () => {
    const doc = loadFixture('servicenow-workspace.html');
    const sysId = 'b2c3d4e5f60718293a4b5c6d7e8f90a1';
    for (const path of [
      '/now/sow/record/incident/',
      '/now/workspace/agent/record/incident/',
      '/now/cwf/agent/record/incident/',
    ]) {
      expect(servicenow.context(doc, new URL(`${HOST}${path}${sysId}/params/selected-tab-index/1`))).toEqual({
        site: 'servicenow',
        url: `${HOST}${path}${sysId}`,
        title: 'VPN drops every 30 minutes',
        ticketId: 'INC0010024',
      });
    }
    const untitled = new DOMParser().parseFromString('<title>Agent Workspace</title>', 'text/html');
    const ctx = servicenow.context(untitled, new URL(`${HOST}/now/workspace/agent/record/incident/${sysId}`));
    expect(ctx).toMatchObject({ ticketId: sysId, title: 'Agent Workspace' });
  });

  it('has no ticket id on lists, new-record forms and foreign nav_to targets', () => {
    const doc = loadFixture('servicenow-workspace.html');
    for (const path of [
      '/incident_list.do',
      '/incident.do?sys_id=-1',
      `/nav_to.do?uri=https://evil.example/incident.do%3Fsys_id%3D${SYS_ID}`,
    ]) {
      expect(servicenow.context(doc, new URL(`${HOST}${path}`)).ticketId).toBeNull();
    }
  });

  it('does not throw on an empty document or a malformed wrapper URL', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(servicenow.context(empty, new URL(FORM_URL))).toMatchObject({ ticketId: SYS_ID, title: null });
    expect(
      servicenow.context(empty, new URL(`${HOST}/now/nav/ui/classic/params/target/%E0%A4%A`)).ticketId,
    ).toBeNull();
  });
});

describeAdapterContract(servicenow, [
  {
    fixture: 'servicenow-incident.html',
    url: 'https://acme.service-now.com/incident.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
  },
]);
