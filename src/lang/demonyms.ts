/**
 * Words that name a nation or group ("Russian", "Ukrainian"): compromise's lexicon tags most of them Demonym, and
 * EXTRA_DEMONYMS has the common ones it lacks. Read by the analysis (descriptors before a name, src/analyse) and by the
 * comparison (a nationality put in place of another, src/compare/name-swaps.ts), so it lives with the language data.
 */
import nlp from 'compromise';

let lexicon: Record<string, unknown> | null = null;

/** The tag compromise's lexicon gives a lower-case word ("moscow" → "City"), or undefined. */
export function lexiconTag(word: string): string | undefined {
  if (lexicon === null) {
    const model: unknown = nlp.model();
    const one = (model as { one?: { lexicon?: unknown } }).one;
    lexicon = typeof one?.lexicon === 'object' && one.lexicon !== null ? (one.lexicon as Record<string, unknown>) : {};
  }
  const tag = lexicon[word];
  return typeof tag === 'string' ? tag : undefined;
}

/** Common adjectival words that name a nation or group ("Russian", "Ukrainian"); the lexicon has most of them. */
export const EXTRA_DEMONYMS = new Set([
  'ukrainian', 'russian', 'american', 'british', 'european', 'western', 'eastern', 'northern', 'southern',
  'afghan', 'albanian', 'algerian', 'argentine', 'argentinian', 'armenian', 'australian', 'austrian', 'azerbaijani',
  'bangladeshi', 'belarusian', 'belgian', 'bolivian', 'bosnian', 'brazilian', 'bulgarian', 'burmese', 'cambodian',
  'cameroonian', 'canadian', 'chadian', 'chilean', 'chinese', 'colombian', 'congolese', 'croatian', 'cuban',
  'cypriot', 'czech', 'danish', 'dutch', 'ecuadorian', 'egyptian', 'emirati', 'english', 'eritrean', 'estonian',
  'ethiopian', 'filipino', 'finnish', 'french', 'georgian', 'german', 'ghanaian', 'greek', 'guatemalan', 'haitian',
  'honduran', 'hungarian', 'icelandic', 'indian', 'indonesian', 'iranian', 'iraqi', 'irish', 'israeli', 'italian',
  'ivorian', 'jamaican', 'japanese', 'jordanian', 'kazakh', 'kenyan', 'korean', 'kosovar', 'kurdish', 'kuwaiti',
  'kyrgyz', 'latvian', 'lebanese', 'liberian', 'libyan', 'lithuanian', 'malaysian', 'malian', 'maltese', 'mexican',
  'moldovan', 'mongolian', 'moroccan', 'mozambican', 'namibian', 'nepalese', 'nepali', 'nicaraguan', 'nigerian',
  'nigerien', 'norwegian', 'omani', 'pakistani', 'palestinian', 'panamanian', 'paraguayan', 'peruvian', 'polish',
  'portuguese', 'qatari', 'romanian', 'rwandan', 'saudi', 'scottish', 'senegalese', 'serbian', 'singaporean',
  'slovak', 'slovenian', 'somali', 'spanish', 'sudanese', 'swedish', 'swiss', 'syrian', 'taiwanese', 'tajik',
  'tanzanian', 'thai', 'tibetan', 'tunisian', 'turkish', 'turkmen', 'ugandan', 'uruguayan', 'uzbek', 'venezuelan',
  'vietnamese', 'welsh', 'yemeni', 'zambian', 'zimbabwean', 'arab', 'asian', 'african', 'latin', 'nordic',
  'baltic', 'balkan', 'caucasian', 'soviet', 'sunni', 'shia', 'shiite', 'muslim', 'christian', 'jewish', 'catholic',
  'orthodox', 'protestant', 'hindu', 'buddhist', 'islamist', 'jihadist', 'kurd', 'pashtun', 'tamil', 'sikh',
]);


/** A lower-case word that names a nation or group ("russian", "ukrainian"). */
export function isDemonymWord(w: string): boolean {
  return EXTRA_DEMONYMS.has(w) || lexiconTag(w) === 'Demonym';
}
