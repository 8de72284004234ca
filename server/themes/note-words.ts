/**
 * Shorthand agents type during a call, written out so "acct" and "account" are one word. Only
 * general contact-centre shorthand belongs here, never words of one team's notes.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cust: 'customer',
  custs: 'customers',
  cx: 'customer',
  cus: 'customer',
  acct: 'account',
  acc: 'account',
  accnt: 'account',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  'w/': 'with',
  'w/o': 'without',
  wo: 'without',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  pw: 'password',
  pwd: 'password',
  passwd: 'password',
  msg: 'message',
  msgs: 'messages',
  info: 'information',
  amt: 'amount',
  approx: 'approximately',
  asap: 'soon',
  appt: 'appointment',
  mgr: 'manager',
  mgmt: 'management',
  dept: 'department',
  qty: 'quantity',
  req: 'request',
  reqs: 'requests',
  ref: 'reference',
  inv: 'invoice',
  invs: 'invoices',
  sub: 'subscription',
  subs: 'subscription',
  subscr: 'subscription',
  yr: 'year',
  yrs: 'years',
  mo: 'month',
  mth: 'month',
  mths: 'months',
  wk: 'week',
  wks: 'weeks',
  hr: 'hour',
  hrs: 'hours',
  min: 'minute',
  mins: 'minutes',
  prob: 'problem',
  probs: 'problems',
  pmt: 'payment',
  pymt: 'payment',
  txn: 'transaction',
  txns: 'transactions',
  tx: 'transaction',
  cc: 'card',
  addr: 'address',
  num: 'number',
  nr: 'number',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  ppl: 'people',
  diff: 'different',
  dunno: 'unknown',
  abt: 'about',
  ur: 'your',
  u: 'you',
  r: 'are',
  'c/o': 'care',
  '&': 'and',
  '+': 'and',
  '2x': 'twice',
  x2: 'twice',
  x3: 'thrice',
  '3x': 'thrice',
  '2nd': 'second',
  '3rd': 'third',
  pkg: 'package',
  pkgs: 'packages',
  ord: 'order',
  deliv: 'delivery',
  cancelation: 'cancellation',
  wanna: 'want',
  gonna: 'going',
};

/**
 * English function words plus the filler of agent notes ("cust says", "called in", "pls"): words
 * that tell how a note was written, not what it is about, so they never make two notes alike.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing done down during each else etc even ever
  few for from further had has have having he her here hers herself him himself his how i if in into
  is it its itself just let lets me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up upon very was we were
  what when where which while who whom why will with would you your yours yourself yourselves
  im ive id dont doesnt didnt cant cannot wont isnt arent wasnt werent hasnt havent
  still already really just maybe please thanks thank ok okay yes hi hello yeah lol
  customer customers cust client caller user's agent ticket call called calling phoned rang
  says said saying say told tells telling mentioned mentions asked asks asking ask wants want wanted
  wanting wondering wonders would like needs need needed keen requested requesting request requests
  get gets got getting again today yesterday tomorrow week weeks day days morning afternoon
  time times now currently apparently also just they're theyre he's she's it's thats that's
  back via per re one two three lady guy gentleman mr mrs ms sir madam keep keeps kept
  go goes going went gone come comes came make makes made put see sees seen look looks looking`
    .split(/\s+/)
    .filter(Boolean),
);
