/** French word lists: first names, titles, places, organisations, outlets, function words, reporting verbs. */

/** Common first names (lower case); a hyphenated first name counts by its first part (Jean-Pierre). */
export const FIRST_NAMES: readonly string[] = [
  'jean', 'pierre', 'marie', 'michel', 'philippe', 'alain', 'nicolas', 'françois', 'françoise', 'emmanuel', 'catherine',
  'isabelle', 'nathalie', 'sophie', 'julien', 'thomas', 'camille', 'claire', 'anne', 'paul', 'jacques', 'louis',
  'sylvie', 'christine', 'éric', 'eric', 'laurent', 'olivier', 'stéphane', 'sébastien', 'christophe', 'patrick',
  'antoine', 'julie', 'céline', 'valérie', 'élisabeth', 'elisabeth', 'gabriel', 'marine', 'bruno', 'gérald', 'hélène',
  'luc', 'marc', 'martine', 'bernard', 'daniel', 'claude', 'yves', 'andré', 'henri', 'georges', 'hugo', 'léa', 'manon',
  'chloé', 'emma', 'lucie', 'agnès', 'benoît', 'didier', 'dominique', 'florence', 'gilles', 'guillaume', 'hervé',
  'jérôme', 'josé', 'karine', 'mathieu', 'matthieu', 'monique', 'pascal', 'raphaël', 'sandrine', 'thierry', 'vincent',
];

/** Lower-case words right before a name that make it a person. */
export const PERSON_WORDS: readonly string[] = [
  'président', 'présidente', 'ministre', 'maire', 'préfet', 'préfète', 'porte-parole', 'directeur', 'directrice',
  'député', 'députée', 'sénateur', 'sénatrice', 'général', 'colonel', 'commandant', 'capitaine', 'chef', 'docteur',
  'professeur', 'procureur', 'procureure', 'secrétaire', 'adjoint', 'adjointe', 'commissaire', 'habitant', 'habitante',
  'juge', 'avocat', 'avocate', 'responsable', 'patron', 'patronne', 'élu', 'élue', 'conseiller', 'conseillère',
  'syndicaliste', 'expert', 'experte', 'chercheur', 'chercheuse', 'journaliste', 'pompier', 'gendarme', 'policier',
  'policière', 'témoin', 'retraité', 'retraitée', 'agriculteur', 'agricultrice', 'abbé', 'père', 'sœur', 'monsieur',
  'madame', 'mademoiselle', 'maître', 'candidat', 'candidate', 'dirigeant', 'dirigeante', 'fondateur', 'fondatrice',
];

export const PLACES: readonly string[] = [
  'paris', 'france', 'lyon', 'marseille', 'bordeaux', 'toulouse', 'lille', 'nantes', 'strasbourg', 'nice', 'europe',
  'allemagne', 'espagne', 'italie', 'belgique', 'suisse', 'russie', 'ukraine', 'moscou', 'kiev', 'kyiv', 'londres',
  'washington', 'bruxelles', 'berlin', 'chine', 'pékin', 'états-unis', 'etats-unis', 'afrique', 'algérie', 'maroc',
  'tunisie', 'québec', 'canada', 'bretagne', 'normandie', 'corse', 'alsace', 'provence', 'île-de-france', 'gironde',
  'royaume-uni', 'israël', 'iran', 'syrie', 'liban', 'turquie', 'pologne', 'japon', 'inde',
];

export const ORGANISATIONS: readonly string[] = [
  'sncf', 'edf', 'ue', 'onu', 'otan', 'insee', 'cnrs', 'assemblée nationale', 'sénat', 'élysée', 'matignon',
  'union européenne', 'croix-rouge', 'météo-france', 'ratp', 'medef', 'cgt', 'cfdt',
];

/** Outlets and agencies as written; `CANONICAL_OUTLET_KEYS` joins spellings of one outlet. */
export const OUTLETS: readonly string[] = [
  'AFP', 'Agence France-Presse', 'Agence France Presse', 'Reuters', 'AP', 'Associated Press', 'Bloomberg', 'Le Monde',
  'Le Figaro', 'Libération', 'Le Parisien', 'France 24', 'BFMTV', 'BFM TV', 'franceinfo', 'France Info', 'France Inter',
  'RFI', 'TF1', 'France 2', 'France 3', "L'Équipe", 'Les Échos', 'Ouest-France', 'Mediapart', "L'Obs", 'Le Point',
  "L'Express", 'La Croix', "L'Humanité", 'Le JDD', 'Le Journal du dimanche', 'Europe 1', 'RTL', 'LCI', 'CNews',
  'Le Dauphiné libéré', 'La Dépêche du Midi', 'Sud Ouest', 'La Voix du Nord', 'Le Progrès', 'Nice-Matin', 'BBC', 'CNN',
  'TASS', 'RIA Novosti', 'Interfax', 'Kommersant', 'Euronews', 'Belga', 'Le Soir', 'RTBF', 'Radio-Canada', 'La Presse',
];

export const CANONICAL_OUTLET_KEYS: ReadonlyMap<string, string> = new Map([
  ['agence france-presse', 'afp'], ['agence france presse', 'afp'], ['associated press', 'ap'], ['bfm tv', 'bfmtv'],
  ['france info', 'franceinfo'], ['figaro', 'le figaro'], ['parisien', 'le parisien'], ['monde', 'le monde'],
]);

/** Lower-case nouns before a quoted name that make it an organisation (la société « Vertal »). */
export const ORG_NOUNS: readonly string[] = [
  'société', 'entreprise', 'groupe', 'journal', 'quotidien', 'hebdomadaire', 'chaîne', 'magazine', 'association',
  'parti', 'mouvement', 'agence', 'site', 'collectif', 'syndicat', 'club', 'banque', 'marque',
];

/** Lower-case function words; capitalised only at a sentence start. */
export const FUNCTION_WORDS: readonly string[] = [
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles',
  'on', 'nous', 'vous', 'je', 'j', 'selon', 'dans', 'en', 'au', 'aux', 'à', 'pour', 'par', 'sur', 'avec', 'sans',
  'mais', 'et', 'ou', 'où', 'depuis', 'après', 'avant', 'lors', 'alors', 'cependant', 'pourtant', 'toutefois', 'ainsi',
  'enfin', 'si', 'quand', 'comme', 'c', 'qu', 'que', 'qui', 'quoi', 'dont', 'son', 'sa', 'ses', 'leur', 'leurs',
  'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'tout', 'tous', 'toute', 'toutes', 'plus', 'moins', 'aucun',
  'aucune', 'rien', 'hier', 'aujourd', 'demain', 'samedi', 'dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi',
  'vendredi', 'vers', 'chez', 'entre', 'contre', 'parmi', 'pendant', 'durant', 'déjà', 'encore', 'puis', 'ensuite',
  'là', 'ici', 'oui', 'non', 'ni', 'ne', 'pas', 'certes', 'outre', 'désormais', 'jusqu', 'malgré', 'sous', 'près',
];

export const PLACE_PREPOSITIONS: readonly string[] = ['à', 'en', 'au', 'aux', 'de', "d'", 'vers', 'près', 'depuis', 'dans'];

/** Past participles after avoir ("a déclaré"), and present-tense forms ("déclare"). */
export const PARTICIPLES: readonly string[] = [
  'déclaré', 'dit', 'affirmé', 'indiqué', 'ajouté', 'souligné', 'expliqué', 'précisé', 'assuré', 'estimé', 'annoncé',
  'confié', 'raconté', 'martelé', 'insisté', 'rappelé', 'reconnu', 'jugé', 'noté', 'poursuivi', 'lancé', 'répondu',
  'témoigné', 'confirmé', 'dénoncé', 'averti', 'prévenu', 'déploré', 'regretté', 'écrit', 'fait savoir', 'commenté',
  'observé', 'relevé', 'insisté', 'promis', 'admis', 'résumé',
];
export const PRESENT: readonly string[] = [
  'déclare', 'affirme', 'indique', 'ajoute', 'souligne', 'explique', 'précise', 'assure', 'estime', 'annonce', 'confie',
  'raconte', 'dit', 'martèle', 'insiste', 'rappelle', 'reconnaît', 'reconnait', 'juge', 'note', 'poursuit', 'lance',
  'répond', 'témoigne', 'confirme', 'dénonce', 'avertit', 'prévient', 'déplore', 'regrette', 'résume', 'observe',
];
