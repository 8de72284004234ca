/**
 * Support vocabulary WordNet misses or ranks below a rarer sense ("bill" is first a statute in
 * WordNet, "app" is not in it): each concept lists the words and phrases agents use for it. General
 * contact-centre language only, so a new team's notes benefit as much as the ones it was written
 * beside; a phrase is written as its words separated by spaces and matched before stop words go.
 */
const LISTS: Readonly<Record<string, string>> = {
  signin: 'login|logon|log in|log on|sign in|signin|logging in|signing in|sign on|get in|get into',
  signout: 'logout|log out|sign out|signed out|logged out|kicked out',
  signup: 'signup|sign up|register|registration|onboarding|enrol|enroll',
  app: 'app|apps|application|mobile app|phone app|ios app|android app|iphone app',
  mfa: '2fa|mfa|two factor|two-factor|otp|one time code|one time password|verification code|authenticator|authenticator code|sms code|security code|auth code',
  password: 'password|passcode|passwords|credentials',
  invoice: 'invoice|invoices|invoiced|bill|bills|billing statement|statement|statements',
  charge: 'charge|charged|charges|charging|billed|debited|debit|taken',
  refund: 'refund|refunds|refunded|reimburse|reimbursed|reimbursement|money back|credit back|repay|repaid',
  duplicate: 'twice|double|doubled|double charged|two times|thrice|two charges|two payments',
  readonly:
    'read only|readonly|view only|viewonly|view access|read access|viewer|cant edit|not edit|without editing',
  accountant: 'accountant|accountants|bookkeeper|book keeper|cpa|auditor|tax advisor|finance person',
  export:
    'export|exports|exporting|exported|download|downloads|downloading|downloaded|csv|spreadsheet|excel|xlsx',
  crash:
    'crash|crashes|crashed|crashing|closes itself|force close|force closes|shuts down|shut down|dies|freezes|freezing|froze',
  slow: 'slow|slowly|slowness|sluggish|laggy|lag|lags|lagging|takes forever|forever|ages|spinner|spins|timeout|timeouts|times out|timed out|timing out|hangs|performance',
  cancel:
    'cancel|cancels|cancelled|canceled|cancelling|canceling|cancellation|call off|called off|terminate|terminating|close account|closing account',
  leave: 'leave|leaving|churn|quit|switch|switching|go elsewhere|move to another',
  cheaper:
    'cheaper|less expensive|lower price|undercut|undercuts|half the price|better price|better deal|cheapest|cheap',
  expensive:
    'expensive|pricey|too much|overpriced|costly|price increase|price rise|price hike|price went up|afford|cant afford|justify',
  competitor:
    'competitor|competitors|competition|rival|rivals|other provider|another provider|other company|another company|alternative',
  price: 'price|prices|pricing|cost|costs|fee|fees|quote|quoted|rate|rates',
  delivery:
    'delivery|deliveries|delivered|deliver|parcel|package|shipment|shipping|shipped|courier|carrier|tracking|in transit|transit|dispatch|dispatched',
  arrive:
    'arrive|arrived|arriving|arrives|come through|came through|turned up|showed up|received|receive|receiving|land',
  late: 'late|delayed|delay|delays|overdue|not arrived|hasnt arrived|never arrived|still waiting|still not|nothing yet|no update',
  email: 'email|emails|e mail|mail|mails|inbox|outlook|gmail',
  spam: 'spam|junk|junk folder|spam folder|promotions tab',
  reset: 'reset|resets|resetting|forgot|forgotten|recover|recovery|reset link',
  darkmode:
    'dark mode|dark theme|night mode|dark ui|darker theme|darker colours|darker colors|black background|too bright',
  confusing:
    'confusing|confused|unclear|understand|doesnt understand|dont understand|makes no sense|no sense|cryptic|jargon|baffled|puzzled|explain|explains|means|wording|plainer',
  again:
    'again|repeat|repeated|another time|second time|third time|second call|already called|called before|rang before|call back|calling back|still not fixed|not fixed|not resolved|still broken|same issue|same problem|same thing|same complaint|last time',
  chase: 'chasing|chase|chased|chaser|follow up|following up|followed up|status of|any news|when will',
  broken:
    'broken|not working|doesnt work|isnt working|stopped working|fails|failed|failing|error|errors|bug|buggy|glitch|went wrong|something went wrong',
  address: 'address|addresses|postcode|zip code|zipcode|postal code',
  change:
    'change|changed|changing|update|updated|updating|edit|edited|editing|amend|amended|modify|correct|corrected',
  upgrade:
    'upgrade|upgrading|upgraded|higher plan|higher tier|bigger plan|premium|pro version|business tier|plus plan|move up',
  downgrade: 'downgrade|downgrading|smaller plan|lower plan|cheaper plan',
  rude: 'rude|rudely|impolite|unprofessional|attitude|unhelpful|dismissive|sarcastic|condescending|patronising|patronizing|talked down|hung up|treated|ignored|rushed',
  wait: 'hold|on hold|queue|queues|waiting time|wait time|wait times|waited|wait|waiting|get through|got through|reach support|reach someone',
  hours:
    'opening hours|opening times|open on|opens|open evenings|closes|closed on|business hours|support hours|helpline hours|weekend|weekends|bank holiday|bank holidays|evenings|24 7|round the clock|line hours',
  discount:
    'discount|discounts|coupon|coupons|promo|promo code|voucher|vouchers|offer code|discount code|gift card|off code',
  checkout: 'checkout|check out|basket|cart|payment page|payment step',
  invalid: 'invalid|not accepted|isnt accepted|rejects|wont apply|not applied|doesnt apply|expired|redeem',
  declined:
    'declined|decline|rejected|refused|bounced|wont go through|doesnt go through|didnt go through|not going through',
  receipt: 'receipt|receipts|proof of purchase|vat receipt',
  copy: 'copy|copies|resend|re send|send again|reissue|reissued|cant find|missing|records',
  feature: 'feature request|functionality|roadmap|would love|would like|suggests|suggestion',
  notification:
    'notification|notifications|alert|alerts|push|reminder|reminders|marketing emails|newsletter|unsubscribe|buzzing|pinging',
  integration: 'integration|integrate|integrations|connect|connector|api|plugin|talk to|zapier|hook up',
  sync: 'sync|syncing|synced|synchronise|synchronize|syncs',
  permission: 'permission|permissions|access rights|role|roles|user rights|rights|access',
  user: 'user|users|seat|seats|licence|licences|license|licenses|logins|user accounts|invite',
  colleague:
    'colleague|colleagues|staff|staff member|employee|employees|new hire|new starter|team member|coworker',
  payment: 'payment|payments|pay|paid|paying|direct debit|card payment|transaction|transactions',
  card: 'card|cards|credit card|debit card|visa|mastercard|amex|card details',
  phone: 'phone|mobile|cell|phone number|smartphone|text|texts|sms',
  website: 'website|site|web site|portal|web app|dashboard|online',
  contract: 'contract|plan|subscription|membership|tier',
  language:
    'translation|translations|translate|translated|language|languages|localisation|localization|english|spanish|french|german|italian|portuguese|dutch|polish|chinese|arabic|japanese|fluent',
  damaged:
    'damaged|damage|broken item|smashed|cracked|dented|crushed|shattered|in pieces|arrived broken|scratched|torn',
  wrong: 'wrong|incorrect|instead of|mixed up',
  size: 'size|sizes|colour|color|model|small|medium|large',
  locked:
    'locked|locked out|lockout|lock out|suspended|disabled|frozen|blocked|unlock|unlocked|failed attempts|wrong passwords',
  erase:
    'delete|deleted|deletion|erase|erased|erasure|wipe|wiped|removed|removal|gdpr|right to be forgotten|personal data|personal info',
  bulk: 'bulk|in bulk|mass|batch|multiple|many at once|all at once|at once|one by one|select all|together',
  calendar: 'calendar|calendars|appointments|bookings|meetings|events',
  order: 'order|orders|ordered|purchase|purchased|bought|buying',
};

/** Each support concept with the words and phrases that name it. */
export const DOMAIN_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(LISTS).map(([concept, list]) => [concept, list.split('|')]),
);
