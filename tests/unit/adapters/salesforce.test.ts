// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import salesforce from '../../../lib/sites/adapters/salesforce';
import { describeAdapterContract } from '../../helpers/adapter-contract';
import { loadFixture } from '../../helpers/dom';

const ORG = 'https://acme.lightning.force.com';
const FOCUSED_CASE = '500Hs00001XyZabIAF';

describe('salesforce adapter', () => {
  const doc = loadFixture('salesforce-console.html');

  it('reads the focused console tab, not the first one in the DOM', () => {
    const ctx = salesforce.context(
      doc,
      new URL(`${ORG}/lightning/r/Case/${FOCUSED_CASE}/view?ws=%2Flightning%2Fr`),
    );
    expect(ctx).toEqual({
      site: 'salesforce',
      url: `${ORG}/lightning/r/Case/${FOCUSED_CASE}/view`,
      title: 'Sync stops after 2 GB upload',
      ticketId: FOCUSED_CASE,
    });
  });

  it('follows the URL when focus moves to another tab (SPA navigation, same document)', () => {
    const ctx = salesforce.context(doc, new URL(`${ORG}/lightning/r/Case/500Hs00001AbCdEIAZ/view`));
    expect(ctx).toMatchObject({ ticketId: '500Hs00001AbCdEIAZ', title: 'Invoices show the wrong VAT rate' });
  });

  it('handles other record types and related-list paths', () => {
    const account = salesforce.context(doc, new URL(`${ORG}/lightning/r/Account/001Hs00002QwErTIAV/view`));
    expect(account).toMatchObject({
      ticketId: '001Hs00002QwErTIAV',
      title: 'Globex Corporation',
    });
    const related = salesforce.context(
      doc,
      new URL(`${ORG}/lightning/r/Case/${FOCUSED_CASE}/related/CaseComments/view`),
    );
    expect(related).toMatchObject({
      ticketId: FOCUSED_CASE,
      url: `${ORG}/lightning/r/Case/${FOCUSED_CASE}/view`,
    });
  });

  it.each([
    ['15-character ids', `${ORG}/lightning/r/Case/500Hs00001XyZab/view`, '500Hs00001XyZab', null],
    [
      'the short /lightning/r/<id>/view form',
      `${ORG}/lightning/r/${FOCUSED_CASE}/view`,
      FOCUSED_CASE,
      `${ORG}/lightning/r/${FOCUSED_CASE}/view`,
    ],
    [
      'Classic /<id>',
      'https://acme.my.salesforce.com/500Hs00001XyZab?srPos=0',
      '500Hs00001XyZab',
      'https://acme.my.salesforce.com/500Hs00001XyZab',
    ],
  ])('accepts %s', (_, href, ticketId, url) => {
    const ctx = salesforce.context(doc, new URL(href));
    expect(ctx.ticketId).toBe(ticketId);
    if (url) expect(ctx.url).toBe(url);
  });

  it('falls back to the selected tab, then the active panel, when no tab links to the record', () => {
    const unknown = `${ORG}/lightning/r/Case/500Hs00009ZzZzZIAZ/view`;
    expect(salesforce.context(doc, new URL(unknown)).title).toBe('Sync stops after 2 GB upload');
    const standard = new DOMParser().parseFromString(
      `<div class="oneContent"><div data-target-selection-name="sfdc:RecordField.Case.Subject"><lightning-formatted-text>Old page</lightning-formatted-text></div></div>
       <div class="oneContent active"><div data-target-selection-name="sfdc:RecordField.Case.Subject"><lightning-formatted-text>Current page</lightning-formatted-text></div></div>`,
      'text/html',
    );
    expect(salesforce.context(standard, new URL(unknown)).title).toBe('Current page');
  });

  it('has no ticket id off record pages and uses the page title', () => {
    const ctx = salesforce.context(doc, new URL(`${ORG}/lightning/o/Case/list?filterName=Recent`));
    expect(ctx).toEqual({
      site: 'salesforce',
      url: `${ORG}/lightning/o/Case/list?filterName=Recent`,
      title: '00001026 | Case',
      ticketId: null,
    });
  });

  it('does not throw on an empty document', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    const ctx = salesforce.context(empty, new URL(`${ORG}/lightning/r/Case/${FOCUSED_CASE}/view`));
    expect(ctx).toMatchObject({ ticketId: FOCUSED_CASE, title: null });
  });
});

describeAdapterContract(salesforce, [
  {
    fixture: 'salesforce-console.html',
    url: 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZabIAF/view',
  },
]);
