import { generate } from 'selfsigned';

/** Hostnames the demo and test CRM pages are served on (mapped to loopback in the browser). */
export const CRM_HOSTS = [
  'acme.zendesk.com',
  'acme.lightning.force.com',
  'acme.freshdesk.com',
  'app.hubspot.com',
  'app.intercom.com',
  'acme.service-now.com',
  'acme.crm.dynamics.com',
  'desk.zoho.com',
  'secure.helpscout.net',
  'app.frontapp.com',
  'acme.gorgias.com',
  'acme.kustomerapp.com',
] as const;

/** A self-signed certificate for the CRM hosts (the browser runs with --ignore-certificate-errors). */
export async function selfSignedCertificate(hosts: readonly string[] = CRM_HOSTS) {
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2 as const, value })) }],
  });
  return { key: pems.private, cert: pems.cert };
}
