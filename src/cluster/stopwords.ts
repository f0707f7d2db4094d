const STOPWORDS = new Set(
  `about above after again against all also although among and any are around because been before being
  below between both but can cannot could did does doing down during each even ever every few for from
  further had has have having her here hers herself him himself his how however into its itself just least
  less many more most much must near never not now off once only other our ours ourselves out over own
  per rather said same say says she should since some still such than that the their theirs them
  themselves then there these they this those though through thus too under until upon very was were
  what when where whether which while who whom whose why will with within without would yet you your
  yours yourself yourselves across already another anyone anything became become becomes before behind
  beside besides beyond either else elsewhere enough etc except toward towards via whatever whenever
  wherever whichever whoever one two three four five six seven eight nine ten first new last told
  according reported report reports week weeks day days year years month months time today yesterday
  monday tuesday wednesday thursday friday saturday sunday`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** A light English stemmer: plural and common verb endings, enough to match "floods"/"flooded"/"flooding". */
export function stemToken(token: string): string {
  if (token.length <= 4) return token;
  if (token.endsWith('ies') && token.length > 5) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ing') && token.length > 6) return token.slice(0, -3);
  if (token.endsWith('ed') && token.length > 5) return token.slice(0, -2);
  if (token.endsWith('es') && /(sses|shes|ches|xes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) return token.slice(0, -1);
  return token;
}
