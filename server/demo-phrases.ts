/**
 * What the demo team writes: agent notes and customer quotes per tag, for a fictional invoicing
 * product ("Acme Invoicing"). Already in redacted form, as the extension stores them: personal data
 * only as the redactor's placeholders ([email], [phone], [card]). Competitors are made up.
 * `{…}` slots are filled by demo-data.ts from SLOTS.
 */

/** Notes (agent's words) and quotes (customer's words) for one tag id. */
export interface TagPhrases {
  /** Ticket subjects such a capture comes from. */
  subjects: string[];
  notes: string[];
  quotes: string[];
}

/** Values for the `{slot}` markers in the phrases. */
export const SLOTS: Record<string, string[]> = {
  competitor: ['Billow', 'Zentrix', 'LedgerLoop', 'Payhive'],
  feature: [
    'scheduled CSV exports',
    'recurring invoices in other currencies',
    'a live bank feed',
    'bulk-editing due dates',
    'a dark mode',
    'two-factor login by app',
    'partial payments on one invoice',
    'custom fields on quotes',
  ],
  plan: ['Starter', 'Team', 'Business'],
  days: ['3', '5', '10', '14'],
  n: ['second', 'third', 'fourth'],
  letter: ['the renewal letter', 'the price-change email', 'the dunning reminder', 'the welcome pack'],
};

/** The competitor whose launch shows up as a spike in the demo trends. */
export const SPIKE_COMPETITOR = 'Billow';

/** Phrases per taxonomy tag id (every id of DEFAULT_TAXONOMY has an entry). */
export const PHRASES: Record<string, TagPhrases> = {
  'feature-request': {
    subjects: ['Question about exports', 'Feature question'],
    notes: [
      'Customer asks for {feature}; works around it with spreadsheets today.',
      'Asked whether {feature} is on the roadmap; would upgrade to {plan} for it.',
      'Wants {feature} before their year-end close.',
      'Accountant on the account asked for {feature} again.',
    ],
    quotes: [
      'Is there any way to get {feature}? We do this by hand every week.',
      'If you had {feature} I would move the whole team over.',
      'Honestly {feature} is the one thing missing for us.',
    ],
  },
  bug: {
    subjects: ['Invoice PDF looks wrong', 'Error when downloading statement'],
    notes: [
      'PDF preview shows the old logo after upload; reproduced in Chrome.',
      'Invoice totals round differently on the PDF and in the app (1 cent off).',
      'Payment link returns an error page for customers paying by [card].',
      'Reminder email sent twice to [email] on the same day.',
    ],
    quotes: [
      'The total on the PDF does not match the screen, my client noticed.',
      'I clicked send once and my customer got it twice.',
      'The page just spins when I try to download the statement.',
    ],
  },
  'product-feedback': {
    subjects: ['New editor feedback', 'Where did reports go?'],
    notes: [
      'Finds the new invoice editor slower than the old one for long invoices.',
      'Likes the dashboard but cannot find where reports moved to.',
      'Says the mobile app is fine for checking, not for creating invoices.',
    ],
    quotes: [
      'The new layout looks nice but it takes me more clicks now.',
      'Why is the search box at the bottom of the page?',
      'The app is great for a quick look, I would never invoice from it though.',
    ],
  },
  'competitor-mention': {
    subjects: ['Pricing comparison', 'Question before renewal'],
    notes: [
      'Comparing us with {competitor} on price for 5 users.',
      '{competitor} offered them a free migration; asked if we match it.',
      'Mentions {competitor} has {feature} included in the base plan.',
      'Trialling {competitor} in parallel until their renewal.',
    ],
    quotes: [
      '{competitor} does this out of the box, why do I pay extra here?',
      'A friend moved to {competitor} and says it is cheaper.',
      '{competitor} just launched a free tier, give me a reason to stay.',
    ],
  },
  pricing: {
    subjects: ['Why did my bill go up?', 'Annual plan question'],
    notes: [
      'Confused by the {plan} plan price after the change; expected the old rate.',
      'Asks why the per-user price applies to read-only accountants.',
      'Wants an annual discount on {plan}; was told about one on the phone ([phone]).',
    ],
    quotes: [
      'My bill went up and nobody told me why.',
      'Do I really pay for my accountant as a full user?',
      'Is there a discount if I pay for the year?',
    ],
  },
  praise: {
    subjects: ['Thank you', 'VAT export sorted'],
    notes: [
      'Thanked us for fixing the VAT export so quickly.',
      'Says onboarding call saved them a day of setup.',
      'Happy with the new payment reminders: paid faster this month.',
    ],
    quotes: [
      'Your team sorted this in ten minutes, thank you!',
      'Since the reminders started my clients pay on time.',
      'Best support I have had from any software company.',
    ],
  },
  complaint: {
    subjects: ['Complaint about support', 'Price change notice'],
    notes: [
      'Unhappy about hold time on the phone line (40 min).',
      'Upset that support closed the ticket without an answer.',
      'Complains the price change was announced with only {days} days notice.',
    ],
    quotes: [
      'I waited forty minutes to speak to someone. Not acceptable.',
      'You closed my ticket and nothing was fixed.',
      'I found out about the new price from my bank statement.',
    ],
  },
  'churn-risk': {
    subjects: ['Cancel subscription', 'Renewal'],
    notes: [
      'Considering cancelling at renewal unless the export issue is fixed.',
      'Owner said they will move to {competitor} next month.',
      'Downgrading to {plan}; budget cuts and low usage.',
    ],
    quotes: [
      'If this is not fixed by the end of the month we are leaving.',
      'We are looking at other tools now, to be honest.',
      'Cancel my subscription at the end of this period please.',
    ],
  },
  chaser: {
    subjects: ['Refund not received', 'RE: Call back request'],
    notes: [
      'Chasing the refund promised {days} days ago; {n} contact about it.',
      'Chasing the call-back we promised yesterday; nobody called.',
      'Chasing the corrected invoice we said we would send by email to [email].',
      'Customer chasing the account change request, no update since last week.',
    ],
    quotes: [
      'You said someone would call me back. Nobody did.',
      'Where is my refund? I was told {days} working days.',
      'This is the {n} time I am asking for the corrected invoice.',
    ],
  },
  'repeat-contact': {
    subjects: ['Bank feed still not syncing', 'Password reset link expired'],
    notes: [
      '{n} contact about the same sync error; previous ticket closed as solved.',
      'Same question as last week about bank feed; earlier answer did not help.',
      'Repeat contact: password reset link expired again.',
    ],
    quotes: [
      'I already explained all this to your colleague on Monday.',
      'Same problem as before, it was never really fixed.',
      'Do I have to explain everything again?',
    ],
  },
  'unclear-information': {
    subjects: ['Letter about my account', 'Two due dates?'],
    notes: [
      'Did not understand {letter}; thought the account was being closed.',
      'Help article on VAT settings contradicts what the app shows.',
      'Confused by two different due dates on {letter}.',
    ],
    quotes: [
      'Your letter says two different things, which one is right?',
      'I read the help page three times and still do not get it.',
      'What does "pending reconciliation" actually mean?',
    ],
  },
  'our-error': {
    subjects: ['Charged twice', 'Wrong name on welcome pack'],
    notes: [
      'We charged the {plan} price twice this month; refund raised.',
      'Wrong customer name on the welcome pack; our data entry error.',
      'Agent gave the wrong cut-off date for the price change last week.',
    ],
    quotes: [
      'You charged me twice. Please fix it today.',
      'Your colleague told me the wrong date and now I am late.',
    ],
  },
  'idea-process': {
    subjects: ['Refund request', 'Call back request'],
    notes: [
      'Refunds over 50 need a second approval; it adds two days for every chaser.',
      'We could send the call-back time by SMS instead of promising it on the phone.',
      'Tickets reopened within a week should go to the same agent.',
    ],
    quotes: [],
  },
  'idea-knowledge': {
    subjects: ['Price change question', 'Moving from another tool'],
    notes: [
      "Macro for price-change questions still quotes last year's prices.",
      'No article on moving from {competitor}; we answer it by hand every day.',
      'Help article on partial payments has screenshots of the old editor.',
    ],
    quotes: [],
  },
  'idea-tool': {
    subjects: ['Resend last invoice', 'Find invoice by number'],
    notes: [
      "Show the customer's open refunds in the ticket sidebar; we look it up in billing each time.",
      'One-click resend of the last invoice from the CRM would save a lot of copy-paste.',
      'Billing admin needs a search by invoice number.',
    ],
    quotes: [],
  },
  'idea-policy': {
    subjects: ['Cancel subscription', 'Accountant seat'],
    notes: [
      'Policy asks customers to call to cancel; most want to do it online.',
      'Read-only accountant seats should be free; this comes up daily.',
      'Refund policy of {days} working days is longer than the bank needs.',
    ],
    quotes: [],
  },
};
