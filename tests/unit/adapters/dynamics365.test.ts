// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import dynamics365 from '../../../lib/sites/adapters/dynamics365';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { emptyDocument, loadFixture } from '../../helpers/dom';

const ORG = 'https://acme.crm4.dynamics.com';
const CASE_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const canonical = (id: string) => `${ORG}/main.aspx?pagetype=entityrecord&etn=incident&id=${id}`;

describe('dynamics365 adapter', () => {
  const doc = loadFixture('dynamics365-case.html');

  it('reads the case in the focused session, skipping the hidden background session', () => {
    const url = new URL(
      `${ORG}/main.aspx?appid=a1b2c3d4-0000-4000-8000-000000000001&pagetype=entityrecord&etn=incident&id=%7B${CASE_ID.toUpperCase()}%7D&navbar=off`,
    );
    expect(dynamics365.context(doc, url)).toEqual({
      site: 'dynamics365',
      url: canonical(CASE_ID),
      title: 'Printer offline after firmware update',
      ticketId: CASE_ID,
    });
  });

  it('follows the query string after an SPA navigation and accepts bare GUIDs and other entities', () => {
    const other = '9b2e8c1a-1111-4222-8333-444455556666';
    const url = new URL(`${ORG}/main.aspx?etn=incident&pagetype=entityrecord&id=${other}`);
    expect(dynamics365.context(doc, url)).toMatchObject({ ticketId: other, url: canonical(other) });
    const contact = dynamics365.context(
      doc,
      new URL(`${ORG}/main.aspx?pagetype=entityrecord&etn=contact&id=${other}`),
    );
    expect(contact.url).toBe(`${ORG}/main.aspx?pagetype=entityrecord&etn=contact&id=${other}`);
  });

  it('has no ticket id on views, dashboards or malformed ids', () => {
    for (const query of [
      'pagetype=entitylist&etn=incident&viewid=00000000-0000-0000-00aa-000010001030',
      `pagetype=dashboard&id=${CASE_ID}`,
      'pagetype=entityrecord&etn=incident&id=not-a-guid',
      `pagetype=entityrecord&etn=%3Cscript%3E&id=${CASE_ID}`,
    ]) {
      expect(dynamics365.context(doc, new URL(`${ORG}/main.aspx?${query}`))).toMatchObject({
        ticketId: null,
        title: 'Case: Printer offline after firmware update',
      });
    }
  });

  it('does not throw on an empty document', () => {
    const url = new URL(`${ORG}/main.aspx?pagetype=entityrecord&etn=incident&id=${CASE_ID}`);
    expect(dynamics365.context(emptyDocument(), url)).toMatchObject({
      ticketId: CASE_ID,
      title: null,
    });
  });
});

describeAdapterContract(dynamics365, [
  {
    fixture: 'dynamics365-case.html',
    url: 'https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=incident&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  },
]);
