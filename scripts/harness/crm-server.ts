import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { FIXTURES_DIR } from './paths';
import { selfSignedCertificate } from './tls';

/** One CRM-like page: which host and path it answers, and the fixture it serves. */
export interface CrmRoute {
  host: string;
  path: RegExp;
  fixture: string;
  /** Extra response headers (e.g. a Content-Security-Policy, or the content-type of a .css file). */
  headers?: Record<string, string>;
}

/** The strict CSP of the hostile test page: no inline styles or scripts in the page itself. */
export const STRICT_CSP = "default-src 'self'; style-src 'self'";

/** The built-in routes: realistic saved pages from tests/fixtures, on their real hostnames. */
export const CRM_ROUTES: CrmRoute[] = [
  { host: 'acme.zendesk.com', path: /^\/agent\/tickets\/\d+$/, fixture: 'zendesk-ticket.html' },
  {
    host: 'acme.lightning.force.com',
    path: /^\/lightning\/r\/Case\/[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\/view$/,
    fixture: 'salesforce-console.html',
  },
  { host: 'acme.freshdesk.com', path: /^\/a\/tickets\/\d+$/, fixture: 'freshdesk-ticket.html' },
  {
    host: 'app.hubspot.com',
    path: /^\/contacts\/\d+\/(?:ticket|record\/0-5)\/\d+$/,
    fixture: 'hubspot-ticket.html',
  },
  {
    host: 'app.hubspot.com',
    path: /^\/help-desk\/\d+\/(?:[^/]+\/)*ticket\/\d+$/,
    fixture: 'hubspot-help-desk.html',
  },
  {
    host: 'app.intercom.com',
    path: /^\/a\/(?:inbox|apps)\/[^/]+\/inbox\/(?:[^/]+\/)*conversations?\/\d+$/,
    fixture: 'intercom-conversation.html',
  },
  // nav_to.do's gsft_main frame loads /incident.do from the same host, so both are served.
  { host: 'acme.service-now.com', path: /^\/nav_to\.do$/, fixture: 'servicenow-nav-to.html' },
  { host: 'acme.service-now.com', path: /^\/incident\.do$/, fixture: 'servicenow-incident.html' },
  { host: 'acme.crm.dynamics.com', path: /^\/main\.aspx$/, fixture: 'dynamics365-case.html' },
  {
    host: 'desk.zoho.com',
    path: /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/\d+$/,
    fixture: 'zohodesk-ticket.html',
  },
  {
    host: 'secure.helpscout.net',
    path: /^\/conversation\/\d+\/\d+$/,
    fixture: 'helpscout-conversation.html',
  },
  { host: 'app.frontapp.com', path: /^\/open\/cnv_[a-z0-9]+$/, fixture: 'front-conversation.html' },
  { host: 'acme.gorgias.com', path: /^\/app\/ticket\/\d+$/, fixture: 'gorgias-ticket.html' },
  {
    host: 'acme.kustomerapp.com',
    path: /^\/app\/(?:customers\/[a-zA-Z0-9]+\/event|conversations)\/[a-zA-Z0-9]+$/,
    fixture: 'kustomer-timeline.html',
  },
  // A page that fights the sidebar: global styles aimed at everything, its own right-hand panel,
  // and a strict CSP, so its stylesheet and script are same-origin files.
  {
    host: 'acme.zendesk.com',
    path: /^\/agent\/tickets\/hostile$/,
    fixture: 'hostile-crm.html',
    headers: { 'content-security-policy': STRICT_CSP },
  },
  {
    host: 'acme.zendesk.com',
    path: /^\/hostile-crm\.css$/,
    fixture: 'hostile-crm.css',
    headers: { 'content-type': 'text/css; charset=utf-8' },
  },
  {
    host: 'acme.zendesk.com',
    path: /^\/hostile-crm\.js$/,
    fixture: 'hostile-crm.js',
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  },
];

/** Hostnames the demo and test CRM pages are served on (mapped to loopback in the browser). */
export const CRM_HOSTS: readonly string[] = [...new Set(CRM_ROUTES.map((route) => route.host))];

/** A running HTTPS server for CRM-like pages, and the Chromium flag that maps their hosts to it. */
export interface CrmServer {
  port: number;
  hostResolverRules: string;
  close(): Promise<void>;
}

/** Serves the CRM fixtures over HTTPS on a free loopback port. */
export async function startCrmServer(routes: CrmRoute[] = CRM_ROUTES): Promise<CrmServer> {
  const tls = await selfSignedCertificate(CRM_HOSTS);
  const server: Server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const route = routes.find((r) => r.host === host && r.path.test(path));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const html = readFileSync(resolve(FIXTURES_DIR, route.fixture));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...route.headers }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const maps = [...new Set(routes.map((r) => r.host))].map((h) => `MAP ${h} 127.0.0.1:${port}`);
  return {
    port,
    hostResolverRules: [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', '),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
