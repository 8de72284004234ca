import { generate } from 'selfsigned';

/** A self-signed certificate for the CRM hosts (the browser runs with --ignore-certificate-errors). */
export async function selfSignedCertificate(hosts: readonly string[]) {
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2 as const, value })) }],
  });
  return { key: pems.private, cert: pems.cert };
}
