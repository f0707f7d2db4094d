/** Word lists for quotes and speakers: reporting verbs, pronouns, person descriptions. */

/** Reporting verb stems; each is expanded to its inflections by `REPORTING_VERBS`. */
const VERB_FORMS: string[][] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['state', 'states', 'stated', 'stating'],
  ['add', 'adds', 'added', 'adding'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['note', 'notes', 'noted', 'noting'],
  ['warn', 'warns', 'warned', 'warning'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['clarify', 'clarifies', 'clarified', 'clarifying'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['assert', 'asserts', 'asserted', 'asserting'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['contend', 'contends', 'contended', 'contending'],
  ['maintain', 'maintains', 'maintained', 'maintaining'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['report', 'reports', 'reported', 'reporting'],
  ['write', 'writes', 'wrote', 'writing'],
  ['ask', 'asks', 'asked', 'asking'],
  ['reply', 'replies', 'replied', 'replying'],
  ['respond', 'responds', 'responded', 'responding'],
  ['answer', 'answers', 'answered', 'answering'],
  ['continue', 'continues', 'continued'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['remark', 'remarks', 'remarked'],
  ['observe', 'observes', 'observed'],
  ['predict', 'predicts', 'predicted'],
  ['promise', 'promises', 'promised'],
  ['vow', 'vows', 'vowed'],
  ['pledge', 'pledges', 'pledged'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['deny', 'denies', 'denied', 'denying'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['post', 'posted'],
  ['comment', 'comments', 'commented'],
  ['conclude', 'concludes', 'concluded'],
  ['concede', 'concedes', 'conceded'],
  ['complain', 'complains', 'complained'],
  ['charge', 'charged'],
  ['allege', 'alleges', 'alleged'],
  ['indicate', 'indicates', 'indicated'],
  ['highlight', 'highlights', 'highlighted', 'highlighting'],
  ['point', 'points', 'pointed'],
  ['tell reporters'],
  ['exclaim', 'exclaims', 'exclaimed'],
  ['shout', 'shouts', 'shouted'],
  ['joke', 'jokes', 'joked'],
  ['quip', 'quips', 'quipped'],
  ['mention', 'mentions', 'mentioned'],
  ['reiterate', 'reiterates', 'reiterated'],
  ['predict', 'predicts', 'predicted'],
  ['believe', 'believes', 'believed'],
  ['think', 'thinks', 'thought'],
  ['testify', 'testifies', 'testified'],
  ['estimate', 'estimates', 'estimated'],
  ['caution', 'cautions', 'cautioned'],
  ['urge', 'urges', 'urged'],
  ['recount', 'recounts', 'recounted'],
  ['describe', 'describes', 'described'],
  ['call', 'calls', 'called'],
  ['read', 'reads'],
  ['begin', 'began'],
  ['interject', 'interjected'],
  ['interrupt', 'interrupted'],
  ['whisper', 'whispered'],
  ['counter', 'countered'],
  ['retort', 'retorted'],
  ['boast', 'boasted'],
  ['lament', 'lamented'],
  ['muse', 'mused'],
  ['sigh', 'sighed'],
  ['yell', 'yelled'],
  ['bark', 'barked'],
  ['beam', 'beamed'],
  ['echo', 'echoed'],
  ['react', 'reacted'],
  ['chime', 'chimed'],
  ['snap', 'snapped'],
  ['scoff', 'scoffed'],
  ['email', 'emailed'],
  ['text', 'texted'],
  ['plead', 'pleaded'],
  ['demand', 'demanded'],
  ['wonder', 'wondered'],
  ['add', 'adding'],
  ['proclaim', 'proclaimed', 'proclaims'],
  ['hint', 'hinted'],
  ['share', 'shared'],
  ['offer', 'offered'],
];

export const REPORTING_VERBS: ReadonlySet<string> = new Set(VERB_FORMS.flat().filter((w) => !w.includes(' ')));

/** Verbs that may report a clause ("X said that ...") — not ones that mostly take a noun object. */
export const INDIRECT_VERBS: ReadonlySet<string> = new Set(
  [
    'say', 'says', 'said', 'tell', 'tells', 'told', 'state', 'states', 'stated', 'add', 'adds', 'added', 'argue',
    'argues', 'argued', 'note', 'notes', 'noted', 'warn', 'warns', 'warned', 'claim', 'claims', 'claimed',
    'explain', 'explains', 'explained', 'emphasize', 'emphasizes', 'emphasized', 'emphasise', 'emphasises',
    'emphasised', 'stress', 'stresses', 'stressed', 'clarify', 'clarifies', 'clarified', 'insist', 'insists',
    'insisted', 'assert', 'asserts', 'asserted', 'announce', 'announces', 'announced', 'declare', 'declares',
    'declared', 'acknowledge', 'acknowledges', 'acknowledged', 'admit', 'admits', 'admitted', 'contend',
    'contends', 'contended', 'maintain', 'maintains', 'maintained', 'suggest', 'suggests', 'suggested',
    'report', 'reports', 'reported', 'write', 'writes', 'wrote', 'reply', 'replied', 'respond', 'responded',
    'confirm', 'confirms', 'confirmed', 'deny', 'denies', 'denied', 'conclude', 'concluded', 'concede',
    'conceded', 'complain', 'complained', 'allege', 'alleged', 'indicate', 'indicates', 'indicated', 'predict',
    'predicted', 'promise', 'promised', 'vow', 'vowed', 'pledge', 'pledged', 'reiterate', 'reiterated',
    'believe', 'believes', 'believed', 'testify', 'testified', 'estimate', 'estimated', 'caution', 'cautioned',
    'recall', 'recalled', 'observe', 'observed', 'remark', 'remarked', 'mention',
    'mentioned', 'tweet', 'tweeted', 'boast', 'boasted', 'lament', 'lamented', 'counter', 'countered',
  ],
);

/** Adverbs and auxiliaries that may stand between a speaker and the reporting verb. */
export const VERB_MODIFIERS: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'further', 'repeatedly', 'again', 'once', 'previously', 'earlier', 'recently',
  'has', 'had', 'have', 'would', 'will', 'was', 'is', 'were', 'had', 'did', 'does', 'do', 'reportedly',
  'publicly', 'privately', 'quickly', 'simply', 'flatly', 'firmly', 'bluntly', 'calmly', 'angrily', 'quietly',
  'often', 'frequently', 'famously', 'told', 'has', 'long', 'first', 'just', 'subsequently', 'additionally',
  'specifically', 'explicitly', 'openly', 'clearly', 'notably', 'still', 'even', 'already', 'never', 'not',
  'could', 'might', 'may', 'should', 'been',
]);

export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we']);

export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'another', 'one', 'his', 'her', 'their', 'its', 'our', 'some', 'several',
  'two', 'three', 'many', 'other', 'these', 'those',
]);

/** Nouns that name a person by role; the head of a description ("the former official"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'president', 'leader', 'official', 'officials', 'minister', 'chief', 'spokesman', 'spokeswoman',
  'spokesperson', 'spokespeople', 'secretary', 'senator', 'governor', 'mayor', 'general', 'commander',
  'ambassador', 'diplomat', 'envoy', 'candidate', 'nominee', 'chairman', 'chairwoman', 'chair', 'director',
  'head', 'ceo', 'executive', 'manager', 'adviser', 'advisor', 'aide', 'aides', 'analyst', 'analysts',
  'expert', 'experts', 'source', 'sources', 'lawmaker', 'lawmakers', 'congressman', 'congresswoman',
  'representative', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'judge', 'prosecutor',
  'prosecutors', 'lawyer', 'attorney', 'attorneys', 'officer', 'officers', 'police', 'inspector', 'sheriff',
  'witness', 'witnesses', 'resident', 'residents', 'critic', 'critics', 'economist', 'economists',
  'scientist', 'scientists', 'researcher', 'researchers', 'professor', 'doctor', 'doctors', 'author',
  'authorities', 'activist', 'activists', 'councillor', 'councilor', 'councilman', 'councilwoman',
  'founder', 'owner', 'president-elect', 'politician', 'strategist', 'pollster', 'campaigner', 'man', 'woman',
  'mother', 'father', 'veteran', 'engineer', 'engineers', 'coach', 'player', 'captain', 'pastor', 'bishop',
  'pope', 'cleric', 'monarch', 'dictator', 'statesman', 'deputy', 'vice-president', 'organizer',
  'organiser', 'organizers', 'organisers', 'member', 'members', 'worker', 'workers', 'employee',
  'employees', 'staffer', 'staffers', 'student', 'students', 'teacher', 'voter', 'voters', 'supporter',
  'supporters', 'opponent', 'opponents', 'rival', 'challenger', 'incumbent', 'host', 'anchor', 'reporter',
  'journalist', 'columnist', 'editor', 'commentator', 'observers', 'observer', 'insider', 'insiders',
  'negotiator', 'negotiators', 'militant', 'militants', 'soldier', 'soldiers', 'firefighter', 'firefighters',
  'paramedic', 'rescuer', 'rescuers', 'survivor', 'survivors', 'victim', 'victims', 'farmer', 'farmers',
  'businessman', 'businesswoman', 'billionaire', 'entrepreneur', 'representatives', 'delegate', 'delegates',
  'administrator', 'commissioner', 'superintendent', 'marshal', 'colonel', 'lieutenant', 'sergeant',
  'admiral', 'speaker', 'whip', 'justice', 'magistrate', 'coroner', 'sources', 'friend', 'neighbor', 'neighbour',
  'colleague', 'husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'nephew', 'niece', 'cousin',
]);

/** Role nouns generic enough to refer back to any person with a role ("the official", "the leader"). */
export const GENERIC_ROLES: ReadonlySet<string> = new Set([
  'leader', 'official', 'politician', 'man', 'woman', 'statesman', 'head', 'chief', 'executive',
]);

/** Prepositions whose object is not the subject of a clause ("retired in Arden", "a text to supporters saying"). */
export const OBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'of', 'from', 'near', 'for', 'with', 'to', 'on', 'by', 'under', 'outside', 'inside']);

/** Capitalised words that are not names at the start of a reporting clause. */
export const NOT_NAME: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'but', 'and', 'or', 'so', 'in', 'on', 'at',
  'as', 'when', 'while', 'if', 'this', 'that', 'these', 'those', 'there', 'his', 'her', 'their', 'its', 'our',
  'my', 'yet', 'still', 'also', 'then', 'now', 'however', 'after', 'before', 'during', 'for', 'from', 'with',
  'by', 'to', 'of', 'said', 'says', 'according', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'mr', 'mrs', 'ms', 'dr', 'what', 'who', 'why', 'how', 'where', 'which', 'not', 'no',
  'yes', 'one', 'all', 'some', 'many', 'most', 'both', 'each', 'every', 'meanwhile', 'earlier', 'later',
  'today', 'yesterday', 'tomorrow', 'last', 'next', 'asked', 'although', 'though', 'because', 'since',
  'until', 'even', 'just', 'only',
]);

/** Title words that may precede a name ("Sen. Ted Cruz", "Fire chief Tomas Reyes"). */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'adm', 'rev',
  'president', 'senator', 'governor', 'mayor', 'minister', 'secretary', 'chief', 'judge', 'general',
  'prime', 'foreign', 'defence', 'defense', 'vice', 'former', 'chairman', 'director', 'spokesman',
  'spokeswoman', 'representative', 'congressman', 'congresswoman', 'ambassador', 'commissioner', 'sheriff',
  'pope', 'king', 'queen', 'prince', 'fire', 'police', 'state', 'deputy', 'attorney', 'candidate', 'nominee',
  'democratic', 'republican', 'speaker', 'house', 'majority', 'minority', 'leader', 'u.s.', 'us', 'russian',
  'ukrainian', 'american', 'british', 'french', 'german', 'chinese',
]);
