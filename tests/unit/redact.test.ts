import { describe, expect, it } from 'vitest';
import { type Category, ibanValid, luhnValid, redact, ssnValid } from '../../lib/redact';

const none: Record<Category, number> = { email: 0, iban: 0, card: 0, ssn: 0, phone: 0 };

// [name, input, expected text]
const redacted: Array<[string, string, string]> = [
  ['plain email', 'mail me at jane.doe@example.com', 'mail me at [email]'],
  ['email with plus tag and subdomain', 'cc j.o+crm@mail.eu.example.co.uk.', 'cc [email].'],
  ['email holding digits', 'from 4111111111111111@example.com', 'from [email]'],
  ['Visa in groups of four', 'card 4111 1111 1111 1111 please', 'card [card] please'],
  ['Visa with dashes', 'card 4111-1111-1111-1111', 'card [card]'],
  ['Visa ungrouped', 'card 4111111111111111', 'card [card]'],
  ['Amex 4-6-5', 'amex 3782 822463 10005', 'amex [card]'],
  ['Amex ungrouped', 'amex 378282246310005', 'amex [card]'],
  ['Mastercard 2-series', 'mc 2223 0031 2200 3222', 'mc [card]'],
  ['19-digit card', 'card 4000 0000 0000 0000 006', 'card [card]'],
  ['card followed by a year', 'card 4111 1111 1111 1111 2027 exp', 'card [card] 2027 exp'],
  ['card after a short number', 'qty 12 4111 1111 1111 1111', 'qty 12 [card]'],
  ['card after a phone', '415 555 0132 4111 1111 1111 1111', '[phone] [card]'],
  ['UK phone, international', 'call +44 20 7946 0958 today', 'call [phone] today'],
  ['US phone, international with area code in parens', 'ring +1 (415) 555-0132', 'ring [phone]'],
  ['UK phone with 00 prefix', 'dial 0044 20 7946 0958', 'dial [phone]'],
  ['UK phone with (0)', 'dial +44 (0)20 7946 0958', 'dial [phone]'],
  ['UK phone, national, area code in parens', 'office (020) 7946 0958', 'office [phone]'],
  ['UK phone, national', 'office 020 7946 0958', 'office [phone]'],
  ['UK mobile, national', 'mobile 07700 900123', 'mobile [phone]'],
  ['US phone with dashes', 'cell 415-555-0132.', 'cell [phone].'],
  ['US phone with dots', 'cell 415.555.0132', 'cell [phone]'],
  ['US phone with spaces', 'cell 415 555 0132', 'cell [phone]'],
  ['US phone, (415) 555-0132', 'cell (415) 555-0132', 'cell [phone]'],
  ['US toll-free with 1-', 'call 1-800-555-0199', 'call [phone]'],
  ['German phone', 'Tel. +49 30 12345678', 'Tel. [phone]'],
  ['German phone, national', 'Tel. 030 12345678', 'Tel. [phone]'],
  ['French phone', 'tél +33 1 23 45 67 89', 'tél [phone]'],
  ['French phone, national', 'tél 01 23 45 67 89', 'tél [phone]'],
  ['phone in E.164 without spaces', 'sms +442079460958', 'sms [phone]'],
  ['phone in a tel: link', 'tel:+14155550132', 'tel:[phone]'],
  ['SSN', 'SSN 123-45-6789.', 'SSN [ssn].'],
  ['SSN at the top of the valid area range', 'ssn: 899-99-9999', 'ssn: [ssn]'],
  ['IBAN with spaces', 'IBAN GB82 WEST 1234 5698 7654 32 thanks', 'IBAN [iban] thanks'],
  ['IBAN without spaces', 'pay DE89370400440532013000', 'pay [iban]'],
  ['IBAN in lower case', 'pay de89 3704 0044 0532 0130 00', 'pay [iban]'],
  ['short IBAN (Norway)', 'konto NO93 8601 1117 947', 'konto [iban]'],
  ['long IBAN (Malta)', 'MT84 MALT 0110 0001 2345 MTLC AST0 01S', '[iban]'],
  ['IBAN followed by a number', 'FR14 2004 1010 0505 0001 3M02 606 and 1234', '[iban] and 1234'],
];

// [name, input]: look-alikes that must come out unchanged.
const survivors: Array<[string, string]> = [
  ['order number failing Luhn', 'order 1234567890123'],
  ['order reference', '#ORD-2024-000123'],
  ['ISO date', 'due 2026-11-23'],
  ['European date', 'due 23/11/2026'],
  ['US date with dots', 'due 11.23.2026'],
  ['dotted date with time', 'since 01.11.2026 10:30'],
  ['dashed dd-mm-yyyy date', 'since 01-11-2026'],
  ['time', 'at 10:30:59'],
  ['ISO timestamp', 'at 2026-11-23T10:00:00.000Z'],
  ['UUID', 'id 123e4567-e89b-12d3-a456-426614174000'],
  ['UUID with a long digit tail', 'id 00000000-0000-7000-8000-446655440000'],
  ['invoice number', 'invoice INV-2024-00042'],
  ['version', 'on v2.14.3 since build 2.14.3.1188'],
  ['prices', 'paid $1,299.00 and €1.299,00 and 12,345,678.90'],
  ['UPS tracking number', 'tracking 1Z999AA10123456784'],
  ['USPS tracking number', 'tracking 9400 1000 0000 0000 0000 00'],
  ['short ticket number', 'ticket 4821'],
  ['IPv4 address', 'from 192.168.100.200 and 10.0.0.1'],
  ['16-digit number failing Luhn', 'ref 1234 5678 9012 3456'],
  ['16 digits glued to a word', 'token abc4111111111111111'],
  ['long decimal', 'pi is 3.1415926535897932'],
  ['20-digit account reference', 'ref 41111111111111111110'],
  ['IBAN with a bad checksum', 'IBAN GB83 WEST 1234 5698 7654 32'],
  ['bad-checksum IBAN whose digits form a card', 'IBAN DE12 4111 1111 1111 1111 11'],
  ['IBAN-shaped, unknown country', 'ref ZZ82 WEST 1234 5698 7654 32'],
  ['SSN-shaped, area 000', 'ref 000-12-3456'],
  ['SSN-shaped, area 666', 'ref 666-12-3456'],
  ['SSN-shaped, area 9xx', 'ref 912-34-5678'],
  ['SSN-shaped, group 00', 'ref 123-00-4567'],
  ['SSN-shaped, serial 0000', 'ref 123-45-0000'],
  ['SSN-shaped inside a longer reference', 'ref 2024-123-45-6789'],
  ['3-3-4 reference with area code 1xx', 'ref 123-456-7890'],
  ['UK postcode', 'SW1A 1AA'],
  ['US ZIP+4', 'Springfield, IL 62704-1234'],
  ['German postcode', '10115 Berlin'],
  ['URL path number', 'https://acme.zendesk.com/agent/tickets/48213456789'],
  ['not an email', 'ping @jane or jane@localhost'],
  ['placeholders themselves', '[email] [card] [phone] [ssn] [iban]'],
];

describe('redact: values that must be replaced', () => {
  it.each(redacted)('%s', (_name, input, expected) => {
    const result = redact(input);
    expect(result.text).toBe(expected);
    expect(result.count).toBe(expected.match(/\[(email|card|phone|ssn|iban)\]/g)?.length ?? 0);
  });
});

describe('redact: look-alikes that must survive', () => {
  it.each(survivors)('%s', (_name, input) => {
    expect(redact(input)).toEqual({ text: input, count: 0, byCategory: none });
  });
});

describe('redact: counting and options', () => {
  const mixed =
    'Jane (jane.doe@example.com, +44 20 7946 0958) paid with 4111 1111 1111 1111 on 2026-11-23; ' +
    'refund to GB82 WEST 1234 5698 7654 32, SSN 123-45-6789, alt jane@corp.example.org, order 1234567890123.';

  it('redacts several kinds in one sentence and counts each kind', () => {
    expect(redact(mixed)).toEqual({
      text:
        'Jane ([email], [phone]) paid with [card] on 2026-11-23; ' +
        'refund to [iban], SSN [ssn], alt [email], order 1234567890123.',
      count: 6,
      byCategory: { email: 2, iban: 1, card: 1, ssn: 1, phone: 1 },
    });
  });

  it('keeps the one-argument call used by capture', () => {
    const { text, count } = redact('mail me at jane.doe@example.com');
    expect({ text, count }).toEqual({ text: 'mail me at [email]', count: 1 });
  });

  it.each<[string, Category[], string, Partial<Record<Category, number>>]>([
    ['only emails', ['email'], 'call 415-555-0132 or a@b.io', { email: 1 }],
    ['only phones', ['phone'], 'call 415-555-0132 or a@b.io', { phone: 1 }],
    ['nothing', [], 'call 415-555-0132 or a@b.io', {}],
  ])('categories option: %s', (_name, categories, input, counts) => {
    const result = redact(input, { categories });
    expect(result.byCategory).toEqual({ ...none, ...counts });
    expect(result.count).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(result.text).toBe(
      input
        .replace('415-555-0132', categories.includes('phone') ? '[phone]' : '415-555-0132')
        .replace('a@b.io', categories.includes('email') ? '[email]' : 'a@b.io'),
    );
  });

  it('leaves a card alone when cards are off, rather than redacting part of it as a phone', () => {
    const input = 'card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32';
    expect(redact(input, { categories: ['phone', 'ssn'] })).toEqual({
      text: input,
      count: 0,
      byCategory: none,
    });
  });

  it.each([...redacted.map(([name, input]) => [name, input]), ...survivors, ['mixed sentence', mixed]])(
    'is idempotent: %s',
    (_name, input) => {
      const once = redact(input).text;
      expect(redact(once)).toEqual({ text: once, count: 0, byCategory: none });
    },
  );

  it('is idempotent on random mixes of PII and look-alikes', () => {
    const pieces = [...redacted.map(([, input]) => input), ...survivors.map(([, input]) => input)];
    const glue = [' ', ', ', '; ', '\n', ' - ', '/', ''];
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      let input = '';
      for (let k = 0; k < 4; k++) input += pieces[next(pieces.length)]! + glue[next(glue.length)]!;
      const once = redact(input);
      expect(redact(once.text).text, input).toBe(once.text);
    }
  });
});

describe('redact: validators', () => {
  it.each([
    ['4111111111111111', true],
    ['4111 1111 1111 1112', false],
    ['0000000000000', true],
    ['000000000000', false], // too short for a card even though the sum is 0
  ])('luhnValid(%s) is %s', (value, valid) => expect(luhnValid(value)).toBe(valid));

  it.each([
    ['GB82 WEST 1234 5698 7654 32', true],
    ['GB82WEST12345698765432', true],
    ['GB83 WEST 1234 5698 7654 32', false],
    ['GB82 WEST 1234 5698 7654 3', false], // wrong length for GB
    ['GB00 WEST 1234 5698 7654 32', false], // check digits 00 are never issued
  ])('ibanValid(%s) is %s', (value, valid) => expect(ibanValid(value)).toBe(valid));

  it.each([
    ['123', '45', '6789', true],
    ['000', '12', '3456', false],
    ['666', '12', '3456', false],
    ['900', '12', '3456', false],
    ['123', '00', '4567', false],
    ['123', '45', '0000', false],
  ])('ssnValid(%s-%s-%s) is %s', (area, group, serial, valid) =>
    expect(ssnValid(area, group, serial)).toBe(valid),
  );
});

describe('redact: no catastrophic backtracking', () => {
  const adversarial = (unit: string): string => unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
  let seed = 7;
  const noise = Array.from({ length: 10_000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return '0123456789 -.()+'[seed % 16];
  }).join('');

  it.each([
    ['digits only', adversarial('4')],
    ['digits and dashes', adversarial('1-')],
    ['digits and spaces', adversarial('12 ')],
    ['digits, dots and parens', adversarial('(1).2.')],
    ['plus signs and digits', adversarial('+4 ')],
    ['almost-SSNs', adversarial('123-45-')],
    ['almost-IBANs', adversarial('GB82 1234 ')],
    ['almost-emails', adversarial('a.1@b.')],
    ['random digits and separators', noise],
  ])('redacts 10,000 chars of %s in well under a second', (_name, input) => {
    const started = performance.now();
    const result = redact(input);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.text.length).toBeGreaterThan(0);
  });
});
