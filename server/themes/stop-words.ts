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
