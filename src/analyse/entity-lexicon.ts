/** Word lists for the rule-based parts of entity extraction (all lower case). */
import { lookupTable } from '../text/lookup-table.js';

/** Titles and roles written before a name ("President Vladimir Putin", "Fire chief Tomas Reyes"). */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'premier', 'mayor', 'governor', 'senator', 'sen',
  'representative', 'rep', 'congressman', 'congresswoman', 'secretary', 'general', 'gen', 'colonel', 'col',
  'captain', 'capt', 'sergeant', 'sgt', 'lieutenant', 'lt', 'major', 'maj', 'commander', 'admiral', 'adm',
  'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'bishop', 'archbishop',
  'cardinal', 'rev', 'reverend', 'father', 'sister', 'rabbi', 'imam', 'sheikh', 'dr', 'doctor', 'mr', 'mrs',
  'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'chief', 'chairman', 'chairwoman', 'chair', 'ceo', 'cfo',
  'director', 'commissioner', 'sheriff', 'inspector', 'officer', 'detective', 'superintendent', 'professor',
  'prof', 'speaker', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'deputy', 'leader',
  'head', 'founder', 'coach', 'manager', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman',
  'attorney', 'prosecutor', 'marshal', 'constable', 'agent', 'treasurer', 'auditor', 'clerk', 'dean',
  'provost', 'rector', 'chancellor', 'editor', 'correspondent', 'analyst', 'economist', 'engineer',
  'forecaster', 'meteorologist', 'official', 'aide', 'adviser', 'advisor', 'lawmaker', 'mp', 'mep',
  'legislator', 'activist', 'spokesman', 'executive', 'pres', 'gov', 'supt', 'det', 'insp', 'hon',
]);

/** Words that qualify a title ("former", "acting", "Russian", "fire" in "fire chief"). */
export const TITLE_MODIFIERS = new Set([
  'former', 'acting', 'interim', 'deputy', 'vice', 'assistant', 'associate', 'senior', 'junior', 'chief',
  'foreign', 'defence', 'defense', 'interior', 'finance', 'health', 'justice', 'education', 'energy',
  'economy', 'trade', 'transport', 'environment', 'home', 'state', 'regional', 'local', 'federal',
  'national', 'top', 'then', 'incoming', 'outgoing', 'fire', 'police', 'army', 'military', 'city', 'town',
  'county', 'district', 'executive', 'general', 'managing', 'lead', 'head', 'team', 'party', 'opposition',
  'attorney', 'press', 'white', 'house', 'defense', 'security', 'intelligence', 'emergency', 'flood',
  'water', 'campaign', 'union', 'company', 'club', 'group', 'council', 'prime', 'secretary', 'first',
  'democrat', 'democratic', 'republican', 'gop', 'labour', 'tory', 'conservative', 'liberal', 'independent',
  'nominee', 'candidate', 'hopeful', 'presidential', 'homeland',
]);

/** Heads of state/government are often referred to as "the leader". */
export const TITLE_SYNONYMS = lookupTable<readonly string[]>({
  leader: ['president', 'prime', 'minister', 'chancellor', 'premier', 'king', 'queen', 'leader', 'head', 'emperor', 'chairman'],
  president: ['president'],
  premier: ['premier', 'prime'],
  head: ['head', 'chief', 'director', 'chairman', 'chairwoman', 'chair', 'leader', 'president'],
  boss: ['chief', 'ceo', 'director', 'head', 'manager', 'chairman', 'chairwoman'],
  official: ['official'],
});

/** Words that end an organisation name. */
export const ORG_SUFFIXES = new Set([
  'authority', 'authorities', 'council', 'ministry', 'forces', 'force', 'agency', 'service', 'services', 'office',
  'party', 'inc', 'ltd', 'llc', 'plc', 'corp', 'corporation', 'company', 'co', 'group', 'bank', 'university',
  'college', 'department', 'commission', 'committee', 'court', 'institute', 'institution', 'association',
  'union', 'federation', 'army', 'navy', 'police', 'guard', 'guards', 'times', 'post', 'news', 'press',
  'network', 'board', 'organization', 'organisation', 'foundation', 'club', 'fc', 'airlines', 'airways',
  'railway', 'railways', 'parliament', 'congress', 'senate', 'assembly', 'cabinet', 'bureau', 'trust',
  'society', 'fund', 'alliance', 'coalition', 'movement', 'front', 'brigade', 'battalion', 'regiment',
  'command', 'corps', 'directorate', 'secretariat', 'tribunal', 'church', 'school', 'hospital', 'academy',
  'laboratory', 'labs', 'systems', 'technologies', 'holdings', 'partners', 'industries', 'motors', 'media',
  'broadcasting', 'telegraph', 'herald', 'journal', 'gazette', 'tribune', 'courier', 'ledger', 'daily',
  'weekly', 'wire', 'agency', 'council', 'commission', 'ag', 'gmbh', 'sa', 'nv', 'ministries', 'troops',
]);

/** Words that open an organisation name before "of" ("Ministry of Defence", "Bank of England"). */
export const ORG_HEADS_BEFORE_OF = new Set([
  'ministry', 'department', 'bank', 'university', 'council', 'office', 'court', 'house', 'chamber', 'board',
  'commission', 'committee', 'institute', 'academy', 'church', 'federation', 'union', 'association',
  'league', 'forces', 'force', 'army', 'navy', 'party', 'agency', 'authority', 'bureau', 'college',
  'school', 'society', 'government', 'cabinet', 'parliament', 'senate', 'assembly', 'secretariat',
  'service', 'services', 'guard', 'grouping', 'command', 'headquarters', 'staff', 'troops', 'corps',
  'organization', 'organisation', 'museum', 'coalition', 'alliance',
]);

/** Words that end (or open, before "of") a place name. */
export const PLACE_SUFFIXES = new Set([
  'river', 'lake', 'sea', 'ocean', 'mountain', 'mountains', 'mount', 'mt', 'valley', 'island', 'islands',
  'bay', 'gulf', 'street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'square', 'bridge',
  'park', 'district', 'region', 'province', 'county', 'city', 'town', 'village', 'airport', 'station',
  'port', 'harbour', 'harbor', 'coast', 'peninsula', 'desert', 'forest', 'canal', 'strait', 'straits',
  'hills', 'heights', 'oblast', 'krai', 'republic', 'kingdom', 'state', 'states', 'territory',
  'territories', 'borough', 'parish', 'beach', 'falls', 'creek', 'dam', 'reservoir', 'plain', 'plains',
  'basin', 'delta', 'cape', 'glacier', 'canyon', 'lane', 'way', 'drive', 'plaza', 'quarter', 'estate',
]);

/** Lower-case place nouns written after a capitalised name ("the Millbrook district", "Donbass region"). */
export const PLACE_NOUNS_AFTER = new Set([
  'district', 'region', 'area', 'province', 'county', 'river', 'city', 'town', 'village', 'valley',
  'oblast', 'state', 'neighbourhood', 'neighborhood', 'suburb', 'island', 'peninsula', 'border',
  'municipality', 'governorate', 'prefecture', 'basin', 'coast', 'lake', 'mountains', 'estuary',
  'government', 'capital', 'embassy', 'authorities', 'residents', 'council', 'police', 'mayor', 'governor',
  'officials', 'townspeople', 'villagers', 'airport', 'harbour', 'harbor', 'waterfront', 'centre', 'center',
]);

/** Prepositions after which an unknown capitalised word is most likely a place ("in Kessington"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'across', 'around', 'to', 'from', 'towards', 'toward', 'into', 'through', 'at']);

/** Verbs of saying right after a name: the name is a person (or an organisation, if marked so). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'stated', 'added', 'noted', 'explained', 'argued', 'claimed', 'insisted',
  'warned', 'announced', 'wrote', 'asked', 'replied', 'emphasized', 'emphasised', 'stressed', 'declared',
  'recalled', 'admitted', 'acknowledged', 'believes', 'thinks',
]);

/** Acronyms that name places. */
export const PLACE_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'DPRK', 'PRC', 'ROK', 'NYC', 'DC']);

/** Words that link parts of a name ("Armed Forces of Russia", "Procter & Gamble", "Charles de Gaulle"). */
export const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'du', 'dos', 'das', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'ben', 'y']);

/** Capitalised words that are never names on their own (besides what the lexicon knows). */
export const NEVER_ENTITY = new Set([
  'i', 'madam', 'god', 'lord', 'internet', 'web', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'officials', 'official',
  'however', 'meanwhile', 'according', 'breaking', 'update', 'updated', 'read', 'more', 'photo', 'video',
  'ok', 'yes', 'no', 'oh', 'am', 'pm', 'a.m', 'p.m', 'edt', 'est', 'gmt', 'utc', 'bst', 'cet', 'cest', 'pst',
  'pdt', 'cst', 'cdt', 'mst', 'mdt', 'eet', 'msk',
]);

