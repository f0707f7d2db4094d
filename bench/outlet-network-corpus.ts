/**
 * A fictional news corpus with a planted "outlet network", for testing an outlet-network analysis. Everything
 * is invented (towns, counties, rivers, people, companies, outlets) and deterministic: every random choice
 * comes from `seeded` (bench/real-corpus.ts: mulberry32 over FNV-1a of a string key), so the same options give
 * the same bytes.
 *
 * `events` events (default 12; twelve kinds — flood, bridge closure, factory fire, court ruling, election
 * recount, boil-water notice, freight derailment, nurses' strike, landslide, storm blackout, wildfire, museum
 * theft — cycled, each event with its own town, officials and numbers), 2–5 days apart from 2026-09-01.
 *
 * Per event:
 * - the WIRE (`Meridian Wire Service`) publishes the original: 6–9 sentences, one per paragraph, a lede with
 *   who/what/where/when and a number, one or two direct quotes (“curly quotes”, "said", named speakers),
 *   background sentences;
 * - each of 3 HONEST outlets publishes its own report 2–8 hours later: the same facts and numbers in its own
 *   sentences (each outlet has its own phrasing of every fact), sometimes the wire's quote from the same
 *   official (verbatim), sometimes a line crediting the wire, never an invented quote;
 * - each of 6 NETWORK sites publishes a light rewrite of the wire article 10–60 minutes after it (a per-site
 *   typical lag plus seeded jitter): one or two adjacent sentence pairs after the lede swapped, sometimes a
 *   sentence dropped, 10–20% of the words swapped for synonyms outside the quotation marks (names and numbers
 *   untouched, quotes verbatim), the wire never credited; site k (0-based) adds to round(p_k × events) of its
 *   articles, p_k = min(0.9, inventShare × (0.5 + k/5)), events chosen at random (a stratified draw, so the
 *   realised share tracks p_k), ONE invented direct quote attributed to a named "local resident" or
 *   "official" (verified to appear in no other article); round(1/10 of the network articles) (seeded choice)
 *   start or end with a machine-rewrite leftover paragraph ("Here is the rewritten article:" …).
 *
 * `planted` records the ground truth: outlet roles, realised invented-quote share and median lag per network
 * site, and the articles carrying invented quotes and leftovers (exact strings).
 *
 * Ids are `<outlet-slug>-e<NN>` (event number from 01). Articles are sorted by publication time (then id).
 *
 * CLI (JSONL, one article per line, to stdout or --out):
 *   node --import tsx bench/outlet-network-corpus.ts [--events N] [--seed S] [--invent-share X] [--out FILE]
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../src/types.js';
import { seeded } from './real-corpus.js';

export interface NetworkCorpusOptions {
  /** Number of events (default 12). */
  events?: number;
  /** PRNG seed (default 'network'). */
  seed?: string;
  /** Base probability of an invented quote per network article (default 0.4); site k uses min(0.9, x·(0.5 + k/5)). */
  inventShare?: number;
}

export interface NetworkCorpus {
  /** Sorted by published time (then id). */
  articles: Article[];
  planted: {
    /** The wire outlet's name. */
    wire: string;
    /** 3 honest outlets. */
    honest: string[];
    /** 6 network sites. */
    network: string[];
    /** Per network site: the share of its articles carrying an invented direct quote (no other article has it). */
    inventedShare: Record<string, number>;
    /** Per network site: median minutes between the wire article and its rewrite. */
    medianLagMinutes: Record<string, number>;
    /** Ids of articles that carry an invented quote, and the quote text (the words inside the marks). */
    invented: { article: string; quote: string }[];
    /** Ids of articles with a machine-rewrite leftover, with the exact leftover string. */
    leftovers: { article: string; text: string }[];
  };
}

export const WIRE = 'Meridian Wire Service';
export const HONEST: readonly string[] = ['The Calder Valley Herald', 'Northgate Evening Post', 'Brightwater Chronicle'];
export const NETWORK: readonly string[] = [
  'DailyNewsPulse24',
  'Headline Hub Now',
  'The Insider Digest',
  'TrendWire Today',
  'NewsFlash Central',
  'InfoStream Daily',
];

export const LEFTOVERS_START: readonly string[] = [
  'Here is the rewritten article:',
  'Sure! Here is a rewritten version of the article:',
  'Rewritten article (unique version):',
];
export const LEFTOVERS_END: readonly string[] = [
  'As an AI language model, I cannot verify these claims.',
  'Please note that this rewrite aims to preserve the original meaning.',
  'I hope this rewritten version meets your needs.',
  'Note: The rewritten article keeps all key facts of the original.',
];

// ---------------------------------------------------------------------------------------------------------
// Small helpers

type Rand = () => number;

function shuffle<T>(items: T[], rand: Rand): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const pick = <T>(items: readonly T[], rand: Rand): T => items[Math.floor(rand() * items.length)]!;
const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** The indefinite article before a number as spoken ("an 8", "an 18,000", "a 180"). */
function an(n: number | string): string {
  const s = typeof n === 'number' ? fmt(n) : n;
  return /^8/.test(s) || /^1[18](,\d{3})*$/.test(s) ? 'an' : 'a';
}
const An = (n: number | string): string => (an(n) === 'an' ? 'An' : 'A');

/** 12480 → "12,480" (no locale dependence). */
function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

// ---------------------------------------------------------------------------------------------------------
// Invented names

const FIRST = [
  'Ilse', 'Tomas', 'Marguerite', 'Oren', 'Delphine', 'Caspar', 'Rhea', 'Anselm', 'Noor', 'Bertil', 'Sabine', 'Lucan',
  'Mirela', 'Edwin', 'Tamsin', 'Viktor', 'Hollis', 'Yara', 'Corin', 'Agathe', 'Dmitra', 'Fenna', 'Idris', 'Juno',
  'Kasimir', 'Leontine', 'Matthias', 'Ottilie', 'Perrin', 'Rosalind', 'Severin', 'Thea',
] as const;
const LAST = [
  'Varga', 'Oakhurst', 'Brennecke', 'Lindqvist', 'Castellane', 'Moravec', 'Tallis', 'Quenby', 'Ashdown', 'Rourke',
  'Valdane', 'Pellham', 'Strand', 'Okonkwo-Hale', 'Marchetti', 'Dunmore', 'Szabo', 'Whitcombe', 'Ferreira', 'Halvorsen',
  'Achterberg', 'Colquhoun', 'Delacroix', 'Emberly', 'Grafton', 'Iversen', 'Kellaway', 'Lowther', 'Nakashima', 'Penhallow',
] as const;
const TOWN_HEAD = ['Bel', 'Car', 'Dun', 'Ever', 'Hal', 'Kes', 'Lor', 'Mar', 'Oster', 'Pen', 'Quill', 'Ros', 'Tarn', 'Vel', 'Wick', 'Ald', 'Brae', 'Cor'] as const;
const TOWN_TAIL = ['ford', 'mere', 'wick', 'haven', 'stead', 'moor', 'bridge', 'holm', 'dale', 'field', 'combe', 'thorpe'] as const;
const RIVERS = ['Sallow', 'Tenner', 'Brisk', 'Oundle', 'Marrow', 'Lisk', 'Corran', 'Vell', 'Amber', 'Hask', 'Teal', 'Rune'] as const;
const COMPANY_HEAD = ['Ardent', 'Northwell', 'Castor', 'Brightline', 'Veltra', 'Orland', 'Pellucid', 'Stanmoor'] as const;
const COMPANY_TAIL = ['Polymers', 'Packaging', 'Components', 'Textiles', 'Coatings'] as const;

/** Draws names without repetition across the whole corpus. */
class Names {
  private readonly used = new Set<string>();
  constructor(private readonly rand: Rand) {}
  /**
   * A fresh name from `make`; once the plain combinations run short, `decorate(name, n)` variants (n = 1, 2, …); once
   * those run short too (big corpora: thousands of events), a decorated name with a number, which always ends the draw.
   */
  private draw(make: () => string, decorate: (name: string, n: number) => string): string {
    for (let i = 0; ; i++) {
      const base = make();
      const name = i < 200 ? base : i < 400 ? decorate(base, 1 + Math.floor((i - 200) / 50)) : `${decorate(base, 2)} ${this.used.size + i}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
  person(): string {
    const initials = [...'ABCDEFGHJKLMNPRSTVW'];
    return this.draw(
      () => `${pick(FIRST, this.rand)} ${pick(LAST, this.rand)}`,
      (name, n) => name.replace(' ', ` ${pick(initials, this.rand)}.${n > 1 ? ` ${pick(initials, this.rand)}.` : ''} `),
    );
  }
  town(): string {
    return this.draw(
      () => `${pick(TOWN_HEAD, this.rand)}${pick(TOWN_TAIL, this.rand)}`,
      (name, n) => `${name}${n > 1 ? `${pick(TOWN_TAIL, this.rand)}` : ''} ${pick(['Cross', 'Green', 'Market', 'Heath', 'Abbey'] as const, this.rand)}`,
    );
  }
  river(): string {
    return this.draw(
      () => pick(RIVERS, this.rand),
      (name, n) => `${n > 1 ? pick(TOWN_HEAD, this.rand) : ''}${name}${pick(['brook', 'water', 'burn', 'wey'] as const, this.rand)}`.replace(/^(.)(.*)$/, (_, a: string, b: string) => a.toUpperCase() + b.toLowerCase()),
    );
  }
  company(): string {
    return this.draw(
      () => `${pick(COMPANY_HEAD, this.rand)} ${pick(COMPANY_TAIL, this.rand)}`,
      (name, n) => `${name}${n > 1 ? ` ${pick(TOWN_HEAD, this.rand)}` : ''} ${pick(['Group', 'Works', 'Industries'] as const, this.rand)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Event texts: one wire phrasing and three honest phrasings of every fact

/** [wire, honest 0, honest 1, honest 2]. */
type Four = readonly [string, string, string, string];

interface QuoteDef {
  /** The words inside the marks (no final punctuation). */
  text: string;
  speaker: string;
  /** "the mayor of Kesmere". */
  desc: string;
}

interface EventText {
  noun: string;
  headlines: Four;
  ledes: Four;
  /** Five facts, each in four phrasings. */
  facts: Four[];
  /** A background sentence only the wire has. */
  extra: string;
  quotes: readonly [QuoteDef, QuoteDef];
}

interface Ctx {
  town: string;
  county: string;
  river: string;
  company: string;
  day: string;
  nextDay: string;
  person(): string;
  int(lo: number, hi: number): number;
  /** A one-decimal number in [lo, hi], as text. */
  dec(lo: number, hi: number): string;
}

type Kind = (c: Ctx) => EventText;

const KINDS: readonly Kind[] = [
  // 1. Flood
  (c) => {
    const households = c.int(120, 900), level = c.dec(4.1, 6.9), mm = c.int(80, 190), shelters = c.int(2, 6), roads = c.int(8, 30);
    const year = c.int(1996, 2014), buildings = c.int(150, 420);
    return {
      noun: 'flooding',
      headlines: [
        `Floods force ${households} households from their homes in ${c.town}`,
        `${c.town} residents flee as the ${c.river} bursts its banks`,
        `Hundreds evacuated in ${c.town} after record rainfall`,
        `River at record ${level} metres: ${c.town} clears ${households} homes`,
      ],
      ledes: [
        `Emergency crews evacuated ${households} households in the riverside town of ${c.town} on ${c.day} after the ${c.river} River rose to ${level} metres, its highest level on record, following two days of heavy rain.`,
        `The ${c.river} River burst its banks in ${c.town} on ${c.day}, and ${households} households had to leave their homes as the water reached ${level} metres.`,
        `Record rainfall pushed the ${c.river} River to ${level} metres on ${c.day}, forcing ${households} households in ${c.town} to move out.`,
        `Families from ${households} households in ${c.town} spent ${c.day} night away from home after the ${c.river} River climbed to a record ${level} metres.`,
      ],
      facts: [
        [
          `The ${c.county} weather office measured ${mm} millimetres of rain in 48 hours, more than the area usually receives in a month.`,
          `Forecasters recorded ${mm} millimetres of rain over two days, a month's worth for ${c.county}.`,
          `Over 48 hours, ${mm} millimetres of rain fell on the district, according to the weather office.`,
          `The downpour, ${mm} millimetres in two days, exceeded the monthly average for ${c.county}.`,
        ],
        [
          `The council opened ${shelters} emergency shelters in school gyms and a church hall, where volunteers handed out blankets and hot meals.`,
          `Evacuated families were sent to ${shelters} temporary shelters set up in schools and a church hall.`,
          `Volunteers staffed ${shelters} shelters across town, serving hot food to those who had left.`,
          `Those without relatives nearby were housed in ${shelters} shelters run by the council.`,
        ],
        [
          `Police closed ${roads} roads, including the main route to the regional hospital, and urged drivers to stay away from the riverbank.`,
          `At least ${roads} roads were shut, among them the route to the regional hospital.`,
          `Motorists were told to avoid the riverbank, where police had closed ${roads} roads.`,
          `Road closures, ${roads} in total, cut off parts of the town, according to police.`,
        ],
        [
          `Forecasters expect the river to peak again on ${c.nextDay} before water levels begin to fall.`,
          `A second peak is forecast for ${c.nextDay}, after which the water should recede.`,
          `The weather office warned that the river could rise again on ${c.nextDay}.`,
          `Relief may not come until after ${c.nextDay}, when a second crest is due.`,
        ],
        [
          `No injuries have been reported, but officials said it was too early to estimate the cost of the damage.`,
          `Nobody has been hurt so far, and the bill for repairs is not yet known.`,
          `There were no reports of injuries, though the damage has yet to be counted.`,
          `Authorities reported no casualties and gave no estimate of the damage.`,
        ],
      ],
      extra: `The last major flood in ${c.town}, in ${year}, damaged ${buildings} buildings and led to a long dispute over the town's flood defences.`,
      quotes: [
        { text: `We are asking everyone near the river to leave now and not to wait for the water to reach their door`, speaker: c.person(), desc: `the mayor of ${c.town}` },
        { text: `The defences held for most of the night, but the river rose faster than any of our models predicted`, speaker: c.person(), desc: `the ${c.county} emergency coordinator` },
      ],
    };
  },
  // 2. Bridge closure
  (c) => {
    const crack = c.int(12, 40), vehicles = c.int(9, 26) * 1000, detour = c.int(14, 38), weeks = c.int(6, 20), built = c.int(1952, 1974);
    return {
      noun: 'bridge closure',
      headlines: [
        `${c.town} bridge shut for ${weeks} weeks after engineers find crack`,
        `Crack closes the ${c.river} crossing in ${c.town}`,
        `Drivers face ${detour}-kilometre detour as ${c.town} bridge closes`,
        `${c.town}'s main bridge out of action until repairs are done`,
      ],
      ledes: [
        `Authorities closed the main road bridge over the ${c.river} River in ${c.town} on ${c.day} after engineers found ${an(crack)} ${crack}-centimetre crack in one of its supporting piers, cutting a route used by ${fmt(vehicles)} vehicles a day.`,
        `The bridge that carries ${fmt(vehicles)} vehicles a day across the ${c.river} River at ${c.town} was shut on ${c.day}, when inspectors discovered ${an(crack)} ${crack}-centimetre crack in a pier.`,
        `${An(crack)} ${crack}-centimetre crack in a pier has put ${c.town}'s busiest bridge out of use, the county said on ${c.day}, diverting ${fmt(vehicles)} vehicles a day.`,
        `Inspectors found a crack of ${crack} centimetres under the ${c.river} bridge in ${c.town} on ${c.day}, and the crossing, which takes ${fmt(vehicles)} vehicles daily, closed within hours.`,
      ],
      facts: [
        [
          `The county expects the repairs to take at least ${weeks} weeks.`,
          `Repairs are likely to last ${weeks} weeks or more.`,
          `The crossing is set to stay closed for a minimum of ${weeks} weeks.`,
          `Officials gave a repair estimate of at least ${weeks} weeks.`,
        ],
        [
          `Traffic is being sent on ${an(detour)} ${detour}-kilometre detour through neighbouring villages.`,
          `Drivers must now take ${an(detour)} ${detour}-kilometre diversion through nearby villages.`,
          `The signed diversion adds ${detour} kilometres and runs through several villages.`,
          `Cars and lorries are being routed around the closure, a trip of ${detour} kilometres.`,
        ],
        [
          `The bridge was built in ${built} and was last fully inspected four years ago.`,
          `Opened in ${built}, the bridge had its last full inspection four years ago.`,
          `The structure dates from ${built}; its previous full inspection was four years ago.`,
          `Its last complete inspection came four years ago, and it has stood since ${built}.`,
        ],
        [
          `Pedestrians and cyclists will also be barred from the bridge while divers examine the pier below the waterline.`,
          `Walkers and cyclists cannot use the bridge either while divers inspect the submerged pier.`,
          `Even foot and bicycle traffic is banned until divers have checked the pier underwater.`,
          `The closure covers pedestrians and cyclists while divers survey the underwater pier.`,
        ],
        [
          `Shop owners on both banks warned that the closure could cost them much of their autumn trade.`,
          `Businesses on either side of the river fear losing their autumn custom.`,
          `Traders near the bridge said the closure threatens their busiest season.`,
          `Merchants on both banks are worried about lost sales through the autumn.`,
        ],
      ],
      extra: `A temporary ferry service for foot passengers is being considered, but no decision has been made.`,
      quotes: [
        { text: `We will not reopen the bridge until we are certain it is safe, however long that takes`, speaker: c.person(), desc: `the ${c.county} director of roads` },
        { text: `Half of my customers come from the other side of the river, and now they simply cannot get here`, speaker: c.person(), desc: `who runs a bakery near the bridge` },
      ],
    };
  },
  // 3. Factory fire
  (c) => {
    const firefighters = c.int(40, 110), workers = c.int(150, 420), hours = c.int(5, 11), injured = c.int(2, 6), jobs = c.int(300, 800);
    return {
      noun: 'fire',
      headlines: [
        `Fire tears through ${c.company} plant in ${c.town}`,
        `${c.town} factory blaze: ${injured} hurt, ${workers} evacuated`,
        `Huge fire at ${c.company} sends smoke over ${c.town}`,
        `${firefighters} firefighters battle ${c.town} factory fire`,
      ],
      ledes: [
        `A fire broke out at the ${c.company} plant on the edge of ${c.town} on ${c.day}, forcing ${workers} workers to evacuate and sending ${injured} people to hospital, the fire service said.`,
        `${c.company}'s factory in ${c.town} went up in flames on ${c.day}; ${workers} staff got out and ${injured} were taken to hospital.`,
        `Thick smoke rose over ${c.town} on ${c.day} as fire swept through the ${c.company} plant, where ${workers} workers were evacuated and ${injured} were hurt.`,
        `Firefighters spent ${c.day} tackling a blaze at the ${c.company} site in ${c.town}, which injured ${injured} people and emptied the plant of its ${workers} workers.`,
      ],
      facts: [
        [
          `About ${firefighters} firefighters from across ${c.county} fought the blaze, which took ${hours} hours to bring under control.`,
          `It took ${firefighters} firefighters ${hours} hours to contain the fire.`,
          `Crews numbering ${firefighters} were needed, and the flames were only under control after ${hours} hours.`,
          `The fire burned for ${hours} hours before ${firefighters} firefighters brought it under control.`,
        ],
        [
          `The injured were treated for smoke inhalation and none of them is in a serious condition.`,
          `All those hurt had breathed in smoke; none is seriously ill.`,
          `Smoke inhalation accounted for every injury, and none is serious.`,
          `Hospital staff said the injured had inhaled smoke but were not in danger.`,
        ],
        [
          `Residents within two kilometres were told to keep their windows and doors closed.`,
          `People living nearby were advised to shut windows and stay indoors.`,
          `Households close to the plant were asked to keep windows and doors shut.`,
          `Neighbours of the site were warned to keep their homes sealed against the smoke.`,
        ],
        [
          `The plant, which employs ${jobs} people, makes plastic parts for the car industry.`,
          `The factory makes plastic car parts and has ${jobs} employees.`,
          `With ${jobs} staff, the plant is a major supplier of plastic parts to carmakers.`,
          `Its ${jobs} workers produce plastic components for vehicle manufacturers.`,
        ],
        [
          `The cause of the fire is not yet known, and investigators are expected at the site on ${c.nextDay}.`,
          `Investigators will visit on ${c.nextDay} to look for the cause.`,
          `What started the fire remains unclear; an inquiry begins on ${c.nextDay}.`,
          `Fire investigators are due on ${c.nextDay}, and the cause is still unknown.`,
        ],
      ],
      extra: `The company was fined two years ago for storing flammable materials too close to a loading bay.`,
      quotes: [
        { text: `The fire spread through the roof space very quickly, and our crews did well to stop it reaching the chemical store`, speaker: c.person(), desc: `the ${c.county} chief fire officer` },
        { text: `Our first concern is for our staff and for our neighbours in ${c.town}`, speaker: c.person(), desc: `a spokesperson for ${c.company}` },
      ],
    };
  },
  // 4. Court ruling
  (c) => {
    const hectares = c.int(40, 120), signatures = c.int(12, 48) * 100, days = [21, 28, 30][c.int(0, 2)]!, cost = c.int(18, 64);
    return {
      noun: 'ruling',
      headlines: [
        `Court blocks quarry expansion near ${c.town}`,
        `${c.town} residents win quarry case`,
        `Judge rules quarry permit for ${c.town} was unlawful`,
        `Quarry plan near ${c.town} struck down in court`,
      ],
      ledes: [
        `The ${c.county} district court on ${c.day} overturned a permit that would have allowed a quarry near ${c.town} to expand by ${hectares} hectares, ruling that the council had failed to assess the risk to drinking water.`,
        `A judge in ${c.county} threw out the council's permit for ${an(hectares)} ${hectares}-hectare quarry extension near ${c.town} on ${c.day}, saying the water risk was never properly assessed.`,
        `Residents of ${c.town} won their case against ${an(hectares)} ${hectares}-hectare quarry extension on ${c.day}, when the district court found the council's permit unlawful.`,
        `The planned ${hectares}-hectare expansion of the quarry outside ${c.town} cannot go ahead, the ${c.county} district court decided on ${c.day}.`,
      ],
      facts: [
        [
          `The case was brought by a residents' group whose petition against the expansion gathered ${fmt(signatures)} signatures.`,
          `A local residents' group, backed by a petition of ${fmt(signatures)} signatures, took the council to court.`,
          `Campaigners had collected ${fmt(signatures)} signatures before going to court.`,
          `Behind the challenge was a residents' petition signed by ${fmt(signatures)} people.`,
        ],
        [
          `The council has ${days} days to decide whether to appeal.`,
          `An appeal is possible within ${days} days, the court said.`,
          `Council lawyers now have ${days} days to lodge any appeal.`,
          `Any appeal must be filed within ${days} days.`,
        ],
        [
          `The quarry operator had said the expansion was worth ${cost} million euros and would secure around 90 jobs.`,
          `According to the operator, the extension was ${an(cost)} ${cost} million euro investment that would keep about 90 jobs.`,
          `The operator valued the project at ${cost} million euros and said it would protect some 90 jobs.`,
          `Some 90 jobs and ${cost} million euros of investment were at stake, the operator has argued.`,
        ],
        [
          `The judge ordered the council to pay the residents' legal costs.`,
          `The council must also cover the campaigners' legal bills.`,
          `Legal costs were awarded against the council.`,
          `The residents' costs will be paid by the council, the judge ruled.`,
        ],
        [
          `The disputed land lies above an aquifer that supplies most of the town's tap water.`,
          `Most of the town's drinking water comes from an aquifer under the site.`,
          `The site sits on top of the aquifer from which the town draws its water.`,
          `Beneath the land is the aquifer that feeds the town's water supply.`,
        ],
      ],
      extra: `The quarry has operated on the hillside above ${c.town} since the 1960s.`,
      quotes: [
        { text: `The council did not carry out the assessment the law requires before granting this permit`, speaker: c.person(), desc: `the presiding judge` },
        { text: `This is a victory for every family in ${c.town} who drinks water from that aquifer`, speaker: c.person(), desc: `a lawyer for the residents' group` },
      ],
    };
  },
  // 5. Election recount
  (c) => {
    const margin = c.int(40, 380), ballots = c.int(12, 48) * 1000 + c.int(0, 999), turnout = c.int(41, 68), disputed = c.int(120, 900), hours = c.int(9, 20);
    const winner = c.person(), loser = c.person();
    return {
      noun: 'recount',
      headlines: [
        `${winner} wins ${c.town} mayoral race by ${margin} votes after recount`,
        `Recount confirms ${winner} as mayor of ${c.town}`,
        `${c.town} recount ends with ${margin}-vote victory`,
        `Narrow win for ${winner} in ${c.town} after marathon count`,
      ],
      ledes: [
        `${winner} was declared mayor of ${c.town} on ${c.day} after a recount of ${fmt(ballots)} ballots gave the challenger a margin of ${margin} votes over the incumbent, ${loser}.`,
        `A recount in ${c.town} finished on ${c.day} with ${winner} ahead of the sitting mayor, ${loser}, by ${margin} votes out of ${fmt(ballots)} cast.`,
        `After officials counted all ${fmt(ballots)} ballots again, ${winner} beat ${loser} by ${margin} votes to become mayor of ${c.town}, the result announced on ${c.day} showed.`,
        `The mayoral contest in ${c.town} was settled on ${c.day}: ${winner} won by ${margin} votes after ${fmt(ballots)} ballots were recounted, ousting ${loser}.`,
      ],
      facts: [
        [
          `The recount took ${hours} hours and was ordered after the first count showed a gap of fewer than 100 votes.`,
          `Officials spent ${hours} hours on the recount, which was triggered by a first-count gap of under 100 votes.`,
          `Because the first count was within 100 votes, a recount was required; it lasted ${hours} hours.`,
          `It took ${hours} hours to recount the votes after the original margin came in below 100.`,
        ],
        [
          `Turnout was ${turnout} per cent, the highest in a municipal election in ${c.town} for two decades.`,
          `${turnout} per cent of voters took part, a twenty-year high for local elections in ${c.town}.`,
          `With turnout at ${turnout} per cent, interest in the race was the strongest in twenty years.`,
          `Turnout reached ${turnout} per cent, unmatched in a municipal vote in ${c.town} for two decades.`,
        ],
        [
          `Election officials set aside ${disputed} ballots whose markings were unclear, and both campaigns inspected them.`,
          `Both camps examined ${disputed} ballots that officials had put aside as unclear.`,
          `Some ${disputed} ballots with unclear marks were reviewed in front of both campaigns.`,
          `Officials and observers from both sides went through ${disputed} disputed ballots.`,
        ],
        [
          `${loser} has three days to request a court review of the result.`,
          `The defeated mayor can ask a court to review the result within three days.`,
          `A legal challenge remains possible for three days, officials said.`,
          `${loser} could still seek a court review, with a three-day deadline.`,
        ],
        [
          `${winner} campaigned on lower bus fares and a new public swimming pool.`,
          `Cheaper bus tickets and a new swimming pool were at the heart of ${winner}'s campaign.`,
          `The new mayor promised lower bus fares and a public pool.`,
          `${winner}'s platform centred on bus fares and a swimming pool for the town.`,
        ],
      ],
      extra: `${loser} had led the town for eight years.`,
      quotes: [
        { text: `Every ballot has been looked at twice, and the result is clear`, speaker: c.person(), desc: `the ${c.town} returning officer` },
        { text: `I will look carefully at the disputed ballots before deciding what to do next`, speaker: loser, desc: `the outgoing mayor` },
      ],
    };
  },
  // 6. Boil-water notice
  (c) => {
    const households = c.int(4, 19) * 1000 + c.int(0, 999), samples = c.int(3, 9), days = c.int(3, 7), schools = c.int(4, 12), points = c.int(3, 8);
    return {
      noun: 'contamination',
      headlines: [
        `${fmt(households)} households in ${c.town} told to boil tap water`,
        `Bacteria found in ${c.town} water supply`,
        `Boil-water notice issued for ${c.town}`,
        `${c.town} schools close as water supply is contaminated`,
      ],
      ledes: [
        `The water utility serving ${c.town} told ${fmt(households)} households to boil their tap water on ${c.day} after E. coli bacteria were found in ${samples} routine samples.`,
        `Residents of ${fmt(households)} homes in ${c.town} were warned on ${c.day} not to drink unboiled tap water, after ${samples} samples tested positive for E. coli.`,
        `A boil-water notice covering ${fmt(households)} households was issued in ${c.town} on ${c.day}, the water utility said, after E. coli turned up in ${samples} samples.`,
        `Tap water in ${c.town} is unsafe to drink without boiling, the utility warned on ${c.day}, after ${samples} tests found E. coli; ${fmt(households)} households are affected.`,
      ],
      facts: [
        [
          `The notice is expected to stay in place for ${days} days while the network is flushed and tested.`,
          `It could take ${days} days to flush and test the pipes before the notice is lifted.`,
          `The utility expects the warning to last ${days} days.`,
          `Flushing and retesting the network should take about ${days} days.`,
        ],
        [
          `The contamination forced ${schools} schools to close for the day because they could not guarantee safe drinking water.`,
          `In total ${schools} schools sent pupils home, unable to provide safe water.`,
          `Unable to offer safe water, ${schools} schools shut their doors.`,
          `Classes were cancelled at ${schools} schools.`,
        ],
        [
          `Bottled water is being handed out at ${points} distribution points across the town.`,
          `The utility set up ${points} points where residents can collect bottled water.`,
          `Residents can pick up bottled water at ${points} sites around town.`,
          `Free bottled water is available from ${points} collection points.`,
        ],
        [
          `The utility said it suspected a damaged pipe near the main reservoir.`,
          `A broken pipe close to the reservoir is the suspected source.`,
          `Engineers are focusing on a damaged main near the reservoir.`,
          `The suspected cause is damage to a pipe beside the reservoir.`,
        ],
        [
          `No cases of illness linked to the water have been reported.`,
          `Doctors have not seen any illness linked to the contamination.`,
          `So far nobody has fallen ill, health officials said.`,
          `There are no known cases of sickness from the water.`,
        ],
      ],
      extra: `The reservoir was upgraded three years ago at a cost of several million euros.`,
      quotes: [
        { text: `Until we tell you otherwise, please boil all water used for drinking, cooking and brushing teeth`, speaker: c.person(), desc: `the director of the ${c.county} water utility` },
        { text: `Families with babies and elderly relatives should take particular care`, speaker: c.person(), desc: `the ${c.county} public health officer` },
      ],
    };
  },
  // 7. Freight derailment
  (c) => {
    const wagons = c.int(7, 22), length = c.int(30, 60), residents = c.int(60, 240), track = c.int(200, 900), days = c.int(3, 9);
    return {
      noun: 'derailment',
      headlines: [
        `Freight train derails near ${c.town}, ${wagons} wagons off the track`,
        `${c.town} homes evacuated after goods train derails`,
        `Derailment shuts rail line at ${c.town}`,
        `${wagons} wagons overturn in ${c.town} rail accident`,
      ],
      ledes: [
        `A freight train derailed near ${c.town} early on ${c.day}, sending ${wagons} of its ${length} wagons off the tracks, and ${residents} residents living beside the line were evacuated as a precaution.`,
        `A freight train with ${length} wagons derailed outside ${c.town} on ${c.day}; ${wagons} wagons came off the rails and ${residents} people nearby had to leave their homes.`,
        `Around ${residents} residents of ${c.town} were moved out on ${c.day} after ${wagons} wagons of a long goods train came off the line.`,
        `The derailment of ${wagons} freight wagons near ${c.town} on ${c.day} led to the evacuation of ${residents} residents; the train had ${length} wagons in all.`,
      ],
      facts: [
        [
          `The train was carrying fertiliser and grain, and two wagons leaked part of their load.`,
          `Its cargo was grain and fertiliser, some of which spilled from two wagons.`,
          `Two of the wagons spilled part of their fertiliser and grain.`,
          `Fertiliser and grain leaked from a pair of damaged wagons.`,
        ],
        [
          `About ${track} metres of track were damaged, and the line will stay closed for at least ${days} days.`,
          `With ${track} metres of track torn up, the line is shut for ${days} days or more.`,
          `Repairing ${track} metres of damaged track will close the route for at least ${days} days.`,
          `The line is expected to be closed for at least ${days} days; ${track} metres of track need repair.`,
        ],
        [
          `Passenger services between ${c.town} and the regional capital have been replaced by buses.`,
          `Buses are standing in for passenger trains to the regional capital.`,
          `Rail passengers to the regional capital must use replacement buses.`,
          `Replacement buses now run in place of trains from ${c.town}.`,
        ],
        [
          `The driver was unhurt.`,
          `Nobody on the train was hurt.`,
          `The train's driver escaped injury.`,
          `No one was injured, including the driver.`,
        ],
        [
          `The national rail accident board has sent investigators to the site.`,
          `Investigators from the rail accident board arrived later in the day.`,
          `The rail accident board opened an investigation.`,
          `A team from the accident investigation board is examining the wreckage.`,
        ],
      ],
      extra: `The line through ${c.town} carries about 40 freight trains a day.`,
      quotes: [
        { text: `We are treating the spill as a precaution, but there is no sign of danger to the public`, speaker: c.person(), desc: `the ${c.county} fire commander` },
        { text: `It is far too early to say what caused the wagons to leave the track`, speaker: c.person(), desc: `a spokesperson for the rail operator` },
      ],
    };
  },
  // 8. Nurses' strike
  (c) => {
    const nurses = c.int(600, 1900), offer = c.int(3, 5), demand = c.int(8, 12), ops = c.int(140, 460), days = c.int(2, 3);
    return {
      noun: 'strike',
      headlines: [
        `${fmt(nurses)} nurses strike at ${c.town} regional hospital`,
        `Nurses walk out in ${c.town} pay dispute`,
        `${ops} operations postponed as ${c.town} nurses strike`,
        `Pay row: ${c.town} hospital nurses begin ${days}-day strike`,
      ],
      ledes: [
        `A total of ${fmt(nurses)} nurses at the regional hospital in ${c.town} began a ${days}-day strike on ${c.day} after rejecting a pay offer of ${offer} per cent, forcing the postponement of ${ops} planned operations.`,
        `Nurses at ${c.town}'s regional hospital walked out on ${c.day}, turning down a ${offer} per cent raise; ${fmt(nurses)} staff are taking part and ${ops} operations have been put off.`,
        `A ${days}-day walkout by ${fmt(nurses)} nurses started on ${c.day} at the ${c.town} regional hospital, where ${ops} operations were postponed after talks on a ${offer} per cent offer collapsed.`,
        `The regional hospital in ${c.town} postponed ${ops} operations as ${fmt(nurses)} nurses went on strike on ${c.day} over a ${offer} per cent pay offer.`,
      ],
      facts: [
        [
          `The nurses' union is demanding a rise of ${demand} per cent to match the cost of living.`,
          `The union wants ${demand} per cent, in line with living costs.`,
          `Union leaders are seeking ${an(demand)} ${demand} per cent increase.`,
          `The union's demand is a rise of ${demand} per cent.`,
        ],
        [
          `Emergency care and maternity services are running normally under an agreement with the union.`,
          `Under a deal with the union, emergency and maternity care continue as usual.`,
          `The emergency department and maternity ward are not affected.`,
          `Emergency and maternity services have been exempted from the strike.`,
        ],
        [
          `Patients whose operations were cancelled will be contacted with new dates.`,
          `Those affected will be offered new appointment dates.`,
          `The hospital said it would rebook every cancelled operation.`,
          `New dates will be given to patients whose surgery was put off.`,
        ],
        [
          `It is the first strike at the hospital in more than thirty years.`,
          `The hospital has not seen a strike in over three decades.`,
          `No strike has hit the hospital for more than thirty years.`,
          `This is the hospital's first walkout in over thirty years.`,
        ],
        [
          `Talks between the union and hospital management are due to resume next week.`,
          `Negotiations will restart next week.`,
          `Both sides are expected back at the table next week.`,
          `The next round of talks is planned for next week.`,
        ],
      ],
      extra: `Picket lines formed at the hospital's main entrance shortly after dawn.`,
      quotes: [
        { text: `Nobody wants to strike, but our members cannot keep working double shifts for a pay cut in real terms`, speaker: c.person(), desc: `the union's regional representative` },
        { text: `Our offer is the most we can afford without cutting services elsewhere`, speaker: c.person(), desc: `the hospital's chief executive` },
      ],
    };
  },
  // 9. Landslide
  (c) => {
    const tonnes = c.int(3, 12) * 1000, residents = c.int(200, 700), days = c.int(4, 12), metres = c.int(60, 180), village = `Upper ${c.town}`;
    return {
      noun: 'landslide',
      headlines: [
        `Landslide cuts off ${village}`,
        `${fmt(tonnes)} tonnes of earth block road to ${village}`,
        `${residents} villagers stranded after landslide near ${c.town}`,
        `Road to ${village} buried by landslide`,
      ],
      ledes: [
        `A landslide buried ${metres} metres of the only road into ${village} on ${c.day}, cutting off ${residents} residents after days of rain loosened the hillside.`,
        `About ${fmt(tonnes)} tonnes of earth slid onto the road to ${village} on ${c.day}, leaving its ${residents} residents without a way out by car.`,
        `The hillside above ${c.town} gave way on ${c.day}, covering ${metres} metres of road and isolating ${residents} people in ${village}.`,
        `${village} and its ${residents} residents were cut off on ${c.day} when a landslide of ${fmt(tonnes)} tonnes blocked their only road.`,
      ],
      facts: [
        [
          `Engineers estimate that ${fmt(tonnes)} tonnes of soil and rock came down.`,
          `The slide covered ${metres} metres of the road surface.`,
          `Some ${fmt(tonnes)} tonnes of rock and mud fell, engineers said.`,
          `The debris stretches across ${metres} metres of road.`,
        ],
        [
          `Clearing the road is expected to take ${days} days.`,
          `It will take around ${days} days to reopen the road.`,
          `Crews need ${days} days to clear the debris, by current estimates.`,
          `The road should reopen in about ${days} days.`,
        ],
        [
          `Supplies are being brought in on foot along a forest track.`,
          `Food and medicine are being carried in along a forest path.`,
          `A forest track is being used to walk supplies into the village.`,
          `Volunteers are carrying supplies along a path through the woods.`,
        ],
        [
          `No one was hurt, and no houses were damaged.`,
          `There were no injuries and no homes were hit.`,
          `Nobody was injured and the houses were spared.`,
          `The slide missed every house and injured no one.`,
        ],
        [
          `Geologists are checking whether more of the slope could fall.`,
          `Experts are assessing the risk of further slides.`,
          `The rest of the slope is being examined by geologists.`,
          `Geologists fear more of the hillside may be unstable.`,
        ],
      ],
      extra: `Residents have asked for years for a second access road to be built.`,
      quotes: [
        { text: `We have a helicopter on standby if anyone in the village needs medical care`, speaker: c.person(), desc: `the ${c.county} chief engineer` },
        { text: `We heard a noise like thunder and then the road was simply gone`, speaker: c.person(), desc: `a resident of ${village}` },
      ],
    };
  },
  // 10. Storm blackout
  (c) => {
    const customers = c.int(18, 64) * 1000, gusts = c.int(110, 150), poles = c.int(40, 160), crews = c.int(90, 260), trees = c.int(200, 600);
    return {
      noun: 'blackout',
      headlines: [
        `Storm leaves ${fmt(customers)} without power in ${c.county}`,
        `Blackout hits ${c.town} after overnight storm`,
        `Winds of ${gusts} km/h knock out power across ${c.county}`,
        `${c.town} and surrounding villages in the dark after storm`,
      ],
      ledes: [
        `A storm with gusts of up to ${gusts} kilometres per hour left ${fmt(customers)} customers in and around ${c.town} without electricity on ${c.day}, the grid operator said.`,
        `Power was cut to ${fmt(customers)} customers across ${c.county} on ${c.day} as a storm battered ${c.town} with winds reaching ${gusts} kilometres per hour.`,
        `Gusts of ${gusts} kilometres per hour brought down power lines around ${c.town} on ${c.day}, leaving ${fmt(customers)} customers in the dark.`,
        `${fmt(customers)} customers in the ${c.town} area lost electricity on ${c.day} after winds of up to ${gusts} kilometres per hour swept through ${c.county}.`,
      ],
      facts: [
        [
          `The storm brought down ${poles} electricity poles and about ${trees} trees.`,
          `Some ${trees} trees and ${poles} power poles were toppled.`,
          `High winds felled ${poles} poles and roughly ${trees} trees.`,
          `About ${trees} trees came down, along with ${poles} electricity poles.`,
        ],
        [
          `The grid operator has sent out ${crews} repair crews, including teams from neighbouring regions.`,
          `The operator has deployed ${crews} crews, some from other regions.`,
          `Teams from across the country are among the ${crews} crews at work.`,
          `A total of ${crews} repair teams are on the ground.`,
        ],
        [
          `Most customers should be reconnected by ${c.nextDay} evening.`,
          `The operator hopes to restore power to most homes by ${c.nextDay} evening.`,
          `Power should be back for the majority by the evening of ${c.nextDay}.`,
          `Most households can expect electricity again on ${c.nextDay} evening.`,
        ],
        [
          `Several schools stayed closed and trains were delayed by fallen trees.`,
          `Fallen trees delayed trains, and some schools did not open.`,
          `Train services were disrupted and a number of schools shut.`,
          `Some schools closed and rail services ran late.`,
        ],
        [
          `One man was slightly injured when a branch hit his car.`,
          `A driver suffered minor injuries when a branch fell on his car.`,
          `The only reported injury was a motorist hit by a falling branch.`,
          `A man was lightly hurt after a branch struck his vehicle.`,
        ],
      ],
      extra: `It was the strongest storm to hit the region since the grid operator began keeping records.`,
      quotes: [
        { text: `Our crews will work through the night, but some isolated farms may have to wait longer`, speaker: c.person(), desc: `operations manager at the grid operator` },
        { text: `Please stay away from fallen lines and report them to us straight away`, speaker: c.person(), desc: `the ${c.county} emergency chief` },
      ],
    };
  },
  // 11. Wildfire
  (c) => {
    const hectares = c.int(900, 4200), residents = c.int(1100, 3600), firefighters = c.int(180, 520), aircraft = c.int(4, 12), homes = c.int(3, 18);
    return {
      noun: 'wildfire',
      headlines: [
        `Wildfire near ${c.town} forces ${fmt(residents)} to evacuate`,
        `${c.town} fire burns ${fmt(hectares)} hectares of forest`,
        `Evacuations as wildfire spreads toward ${c.town}`,
        `${homes} homes lost in ${c.town} wildfire`,
      ],
      ledes: [
        `A wildfire has burned ${fmt(hectares)} hectares of forest near ${c.town} and forced ${fmt(residents)} residents to leave their homes, authorities said on ${c.day}.`,
        `Authorities ordered ${fmt(residents)} people out of their homes near ${c.town} on ${c.day} as a forest fire spread across ${fmt(hectares)} hectares.`,
        `The forest fire outside ${c.town} had consumed ${fmt(hectares)} hectares by ${c.day}, and ${fmt(residents)} residents had been evacuated.`,
        `${fmt(residents)} residents fled as a wildfire near ${c.town} grew to ${fmt(hectares)} hectares, officials said on ${c.day}.`,
      ],
      facts: [
        [
          `The fire service has deployed ${fmt(firefighters)} firefighters and ${aircraft} water-bombing aircraft.`,
          `The fire is being fought by ${fmt(firefighters)} firefighters backed by ${aircraft} aircraft.`,
          `On the ground are ${fmt(firefighters)} firefighters, with ${aircraft} planes dropping water.`,
          `Authorities have committed ${aircraft} aircraft and ${fmt(firefighters)} firefighters.`,
        ],
        [
          `At least ${homes} homes have been destroyed.`,
          `The fire has destroyed ${homes} houses so far.`,
          `No fewer than ${homes} homes have burned down.`,
          `${homes} houses have been lost to the flames.`,
        ],
        [
          `Strong winds and temperatures above 35 degrees have made the fire hard to contain.`,
          `Heat over 35 degrees and strong wind are hampering firefighters.`,
          `Firefighters are struggling against strong winds in heat above 35 degrees.`,
          `The fire is being fanned by strong winds, with temperatures over 35 degrees.`,
        ],
        [
          `Evacuees are being housed in a sports hall in the neighbouring town.`,
          `Those evacuated are staying in a sports hall nearby.`,
          `A sports hall in the next town has been turned into a shelter.`,
          `Displaced residents are sleeping in a nearby sports hall.`,
        ],
        [
          `Police are investigating whether the fire was started deliberately.`,
          `Arson has not been ruled out, police said.`,
          `Investigators are looking into whether someone set the fire.`,
          `Police have opened an inquiry into a possible arson.`,
        ],
      ],
      extra: `The region has had almost no rain since the start of July.`,
      quotes: [
        { text: `The next twenty-four hours will decide whether we can hold the line north of the town`, speaker: c.person(), desc: `the fire service incident commander` },
        { text: `We will help every family that has lost a home to rebuild`, speaker: c.person(), desc: `the governor of ${c.county}` },
      ],
    };
  },
  // 12. Museum theft
  (c) => {
    const paintings = c.int(3, 7), value = c.int(2, 9), minutes = c.int(4, 11), reward = c.int(2, 10) * 10000, founded = c.int(1880, 1930);
    return {
      noun: 'theft',
      headlines: [
        `${paintings} paintings stolen from ${c.town} museum`,
        `Thieves take artworks worth ${value} million euros in ${c.town}`,
        `${c.town} museum raid lasted ${minutes} minutes, police say`,
        `Reward offered after ${c.town} art theft`,
      ],
      ledes: [
        `Thieves stole ${paintings} paintings worth an estimated ${value} million euros from the ${c.town} Municipal Museum early on ${c.day}, police said.`,
        `${paintings} paintings valued at ${value} million euros were taken from the ${c.town} Municipal Museum in a break-in on ${c.day}.`,
        `Police in ${c.county} are hunting thieves who took ${paintings} paintings, worth about ${value} million euros, from the ${c.town} Municipal Museum on ${c.day}.`,
        `The ${c.town} Municipal Museum lost ${paintings} of its paintings, worth some ${value} million euros, to a night-time raid on ${c.day}.`,
      ],
      facts: [
        [
          `Security footage shows two masked men inside the building for ${minutes} minutes.`,
          `Cameras recorded two masked men, who spent ${minutes} minutes inside.`,
          `The raid took ${minutes} minutes, according to CCTV showing two masked intruders.`,
          `Two masked men were filmed during the ${minutes}-minute raid.`,
        ],
        [
          `The museum has offered a reward of ${fmt(reward)} euros for information leading to the paintings' return.`,
          `${An(fmt(reward))} ${fmt(reward)}-euro reward is on offer for help recovering the works.`,
          `The museum will pay ${fmt(reward)} euros for information that brings the paintings back.`,
          `For tips leading to the works' recovery, the museum is offering ${fmt(reward)} euros.`,
        ],
        [
          `The thieves entered through a skylight and avoided the main alarm system.`,
          `They got in through a skylight, bypassing the main alarm.`,
          `A skylight gave the thieves a way in that the main alarm did not cover.`,
          `Entry was through a skylight, out of range of the main alarm.`,
        ],
        [
          `The museum will remain closed while forensic teams examine the galleries.`,
          `Forensic officers are working in the galleries, and the museum is closed.`,
          `The building is shut to visitors during the forensic search.`,
          `Visitors are barred while forensic teams work inside.`,
        ],
        [
          `Among the stolen works is a landscape by a nineteenth-century painter from the region.`,
          `One of the missing paintings is a nineteenth-century regional landscape.`,
          `The haul includes a landscape by a local painter of the nineteenth century.`,
          `A nineteenth-century landscape by a regional artist is among the losses.`,
        ],
      ],
      extra: `The museum, founded in ${founded}, holds the largest collection of regional art in ${c.county}.`,
      quotes: [
        { text: `This was a planned operation by people who knew exactly what they were looking for`, speaker: c.person(), desc: `the police inspector leading the investigation` },
        { text: `These paintings belong to the people of ${c.town}, and we want them home`, speaker: c.person(), desc: `the museum's director` },
      ],
    };
  },
];

// ---------------------------------------------------------------------------------------------------------
// The light rewrite of the network sites

/** Synonym swaps a content-spinning tool makes (lower-case words only, so names and sentence starts stay). */
const SPIN: Readonly<Record<string, readonly string[]>> = {
  said: ['stated'], says: ['states'], about: ['around', 'roughly'], around: ['about', 'roughly'],
  evacuated: ['moved out'], evacuate: ['leave'], households: ['families'], homes: ['houses', 'residences'], home: ['house'],
  residents: ['inhabitants', 'locals'], town: ['municipality'], river: ['waterway'], rose: ['climbed'], highest: ['greatest'],
  heavy: ['intense'], rain: ['rainfall'], measured: ['recorded'], usually: ['normally', 'typically'],
  receives: ['gets'], opened: ['set up'], emergency: ['crisis'], shelters: ['refuges'], volunteers: ['helpers'],
  handed: ['gave'], meals: ['food'], closed: ['shut'], main: ['primary'], route: ['road'], urged: ['asked'], drivers: ['motorists'],
  stay: ['keep'], expect: ['anticipate'], expected: ['anticipated'], again: ['once more'], begin: ['start'], fall: ['drop'],
  reported: ['recorded'], too: ['overly'], estimate: ['calculate'], cost: ['price'], damage: ['harm'],
  damaged: ['harmed'], major: ['big'], led: ['gave rise'], long: ['lengthy'], dispute: ['row'], authorities: ['officials'],
  officials: ['authorities'], found: ['discovered'], supporting: ['load-bearing'], cutting: ['closing'], used: ['travelled'],
  repairs: ['works'], take: ['last'], least: ['minimum'], traffic: ['vehicles'], neighbouring: ['nearby'],
  villages: ['hamlets'], built: ['constructed'], fully: ['completely'], inspected: ['checked'],
  barred: ['banned'], examine: ['inspect'], below: ['beneath'], warned: ['cautioned'], could: ['might'], much: ['a lot'],
  trade: ['business'], temporary: ['provisional'], considered: ['discussed'], decision: ['choice'], made: ['taken'],
  fire: ['blaze'], plant: ['factory'], edge: ['outskirts'], forcing: ['causing'], workers: ['employees'],
  sending: ['taking'], people: ['individuals', 'persons'], hospital: ['medical centre'], fought: ['tackled'], bring: ['get'],
  control: ['check'], injured: ['wounded', 'hurt'], treated: ['cared for'], serious: ['grave'], condition: ['state'],
  told: ['instructed'], employs: ['has'], makes: ['produces'], parts: ['components'],
  industry: ['sector'], cause: ['origin'], known: ['clear'], investigators: ['inspectors'], site: ['location'],
  company: ['firm'], fined: ['penalised'], storing: ['keeping'], materials: ['goods'], court: ['tribunal'],
  overturned: ['reversed'], permit: ['licence'], allowed: ['permitted'], expand: ['grow'], ruling: ['finding'],
  failed: ['neglected'], assess: ['evaluate'], risk: ['danger'], drinking: ['potable'], case: ['lawsuit'],
  group: ['association'], petition: ['appeal'], gathered: ['collected'],
  decide: ['determine'], whether: ['if'], appeal: ['challenge'], operator: ['company'], worth: ['valued at'],
  secure: ['safeguard'], jobs: ['positions'], ordered: ['instructed'], legal: ['court'], costs: ['fees'],
  disputed: ['contested'], land: ['ground'], lies: ['sits'], supplies: ['provides'], operated: ['run'], declared: ['named'],
  recount: ['second count'], ballots: ['votes'], gave: ['handed'], margin: ['lead'], incumbent: ['sitting mayor'],
  first: ['initial'], showed: ['indicated'], gap: ['difference'], fewer: ['less'],
  election: ['vote'], decades: ['generations'], set: ['put'], aside: ['apart'], unclear: ['ambiguous'], campaigns: ['camps'],
  request: ['ask for'], review: ['examination'], result: ['outcome'], campaigned: ['ran'],
  lower: ['cheaper'], public: ['municipal'],
  utility: ['provider'], serving: ['supplying'], tap: ['mains'], bacteria: ['germs'], routine: ['regular'],
  samples: ['tests'], notice: ['warning'], place: ['effect'], network: ['system'], flushed: ['rinsed'], tested: ['checked'],
  guarantee: ['ensure'], safe: ['clean'], bottled: ['packaged'], distribution: ['supply'],
  points: ['sites'], across: ['throughout'], suspected: ['believed'], pipe: ['pipeline'], near: ['close to'],
  cases: ['instances'], illness: ['sickness'], linked: ['connected'], upgraded: ['modernised'], several: ['a number of'],
  wagons: ['cars'], freight: ['cargo'], tracks: ['rails'], living: ['residing'],
  beside: ['next to'], line: ['railway'], precaution: ['safety measure'], carrying: ['transporting'], leaked: ['spilled'],
  load: ['cargo'], track: ['rail'], between: ['linking'], replaced: ['substituted'],
  buses: ['coaches'], unhurt: ['unharmed'], national: ['state'], accident: ['crash'], board: ['agency'], carries: ['handles'],
  nurses: ['nursing staff'], began: ['started'], strike: ['walkout'], rejecting: ['refusing'], offer: ['proposal'],
  postponement: ['delay'], planned: ['scheduled'], operations: ['surgeries'], demanding: ['seeking'], rise: ['increase'],
  match: ['keep pace with'], care: ['treatment'], running: ['operating'], normally: ['as usual'], agreement: ['deal'],
  patients: ['people'], cancelled: ['called off'], contacted: ['reached'], dates: ['appointments'], talks: ['negotiations'],
  management: ['bosses'], due: ['set'], resume: ['restart'], formed: ['gathered'], entrance: ['gate'], shortly: ['soon'],
  landslide: ['mudslide'], buried: ['covered'], only: ['sole'], loosened: ['weakened'], hillside: ['slope'],
  soil: ['earth'], rock: ['stone'], came: ['fell'], clearing: ['reopening'],
  forest: ['woodland'], hurt: ['injured'], houses: ['homes'], checking: ['assessing'], slope: ['hillside'],
  asked: ['called'], access: ['entry'], storm: ['gale'], without: ['lacking'],
  electricity: ['power'], poles: ['posts'], repair: ['maintenance'], crews: ['teams'], including: ['among them'],
  regions: ['areas'], reconnected: ['restored'], evening: ['night'], stayed: ['remained'], delayed: ['held up'],
  fallen: ['downed'], slightly: ['mildly'], branch: ['limb'], hit: ['struck'], strongest: ['most powerful'],
  region: ['area'], keeping: ['maintaining'], records: ['data'], wildfire: ['forest fire'], burned: ['scorched'],
  forced: ['compelled'], leave: ['abandon'], fighting: ['battling'], destroyed: ['wrecked'], strong: ['powerful'],
  winds: ['gales'], contain: ['control'], housed: ['accommodated'],
  sports: ['athletics'], investigating: ['probing'], started: ['lit'], deliberately: ['on purpose'], almost: ['nearly'],
  stole: ['took'], paintings: ['artworks'], estimated: ['approximately'], security: ['surveillance'], footage: ['video'],
  shows: ['reveals'], masked: ['hooded'], building: ['premises'], offered: ['put up'], reward: ['bounty'],
  information: ['tips'], return: ['recovery'], thieves: ['burglars'], entered: ['got in'], avoided: ['evaded'],
  system: ['network'], remain: ['stay'], forensic: ['crime scene'], teams: ['units'], galleries: ['rooms'],
  among: ['amongst'], stolen: ['missing'], works: ['pieces'], founded: ['established'], holds: ['houses'],
  largest: ['biggest'], collection: ['holding'],
  crack: ['fracture'], piers: ['supports'], pier: ['support'], detour: ['diversion'], expects: ['anticipates'], vehicles: ['cars'],
  engineers: ['inspectors'], director: ['head'], runs: ['operates'], passengers: ['travellers'], roads: ['routes'],
};

/** The swappable word positions of a sentence (outside “…”), as [start, end) offsets. */
function swappable(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  let inQuote = false;
  const re = /“|”|[A-Za-z]+(?:-[A-Za-z]+)*/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[0] === '“') inQuote = true;
    else if (m[0] === '”') inQuote = false;
    else if (!inQuote && variants(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function variants(word: string): readonly string[] | undefined {
  if (!/^[a-z]+$/.test(word) || !Object.hasOwn(SPIN, word)) return undefined;
  const options = SPIN[word]!.filter((w) => w !== word);
  return options.length > 0 ? options : undefined;
}

function wordCount(text: string): number {
  return (text.match(/[A-Za-z0-9]+(?:[-'’.,][A-Za-z0-9]+)*/g) ?? []).length;
}

/** Swaps `share` of all words (as far as there are swappable ones) for synonyms; returns new sentences. */
function spin(sentences: readonly string[], share: number, rand: Rand): string[] {
  const slots: { s: number; at: [number, number] }[] = [];
  sentences.forEach((text, s) => swappable(text).forEach((at) => slots.push({ s, at })));
  const total = sentences.reduce((n, t) => n + wordCount(t), 0);
  const chosen = shuffle(slots, rand).slice(0, Math.round(share * total));
  const out = [...sentences];
  // Replace from the end of each sentence so earlier offsets stay valid.
  chosen.sort((x, y) => x.s - y.s || y.at[0] - x.at[0]);
  for (const { s, at } of chosen) {
    const text = out[s]!;
    const word = text.slice(at[0], at[1]);
    out[s] = text.slice(0, at[0]) + pick(variants(word)!, rand) + text.slice(at[1]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Invented quotes

const RESIDENT_QUOTES: readonly ((town: string, noun: string, k: number) => string)[] = [
  (t, _n, k) => `I have lived in ${t} for ${k} years and I have never seen anything like this`,
  (t, _n, k) => `My family waited ${k} hours for someone to tell us what was going on in ${t}`,
  (t, n, k) => `Everyone in ${t} is talking about the ${n}, and ${k} of my neighbours have already signed a complaint`,
  (t, n, k) => `We heard about the ${n} from our phones, not from anyone in charge, and that was ${k} hours too late for ${t}`,
  (t, _n, k) => `The council in ${t} promised us a public meeting ${k} months ago and it still has not happened`,
];
const OFFICIAL_QUOTES: readonly ((town: string, noun: string, k: number) => string)[] = [
  (t, _n, k) => `Our teams in ${t} have been working for ${k} hours without a proper break`,
  (t, _n, k) => `We raised concerns about ${t} with the ministry at least ${k} times this year`,
  (t, n, k) => `There will be a full review of how the ${n} in ${t} was handled, and it will report within ${k} weeks`,
  (t, _n, k) => `Frankly, ${t} received ${k} per cent less funding than it needed for a situation like this`,
];

// ---------------------------------------------------------------------------------------------------------
// The corpus

interface Draft {
  article: Article;
  at: number;
}

function article(id: string, title: string, text: string, source: string, at: number, byline: string | null): Draft {
  return {
    at,
    article: { id, title, text, source, url: null, published: iso(at), language: 'en', byline, origin: `outlet-network-corpus:${id}` },
  };
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The fictional corpus with its planted network (see the header). */
export function networkCorpus(options: NetworkCorpusOptions = {}): NetworkCorpus {
  const events = Math.max(0, Math.floor(options.events ?? 12));
  const seed = options.seed ?? 'network';
  const inventShare = Math.min(1, Math.max(0, options.inventShare ?? 0.4));
  const names = new Names(seeded(`${seed}:names`));
  const drafts: Draft[] = [];
  const invented: { article: string; quote: string }[] = [];
  const leftovers: { article: string; text: string }[] = [];
  const lags = new Map<string, number[]>(NETWORK.map((n) => [n, []]));
  const inventedCount = new Map<string, number>(NETWORK.map((n) => [n, 0]));
  const usedQuotes = new Set<string>();

  // Per-site typical lag (minutes) and invented-quote probability.
  const siteRand = seeded(`${seed}:sites`);
  const typicalLag = NETWORK.map((_, k) => 13 + 8 * k + between(siteRand, 0, 3));
  const inventP = NETWORK.map((_, k) => Math.min(0.9, inventShare * (0.5 + k / 5)));
  // Stratified draw: site k invents a quote in round(p_k × events) of its articles, the events chosen at random,
  // so the realised shares follow the designed gradient instead of drifting with 12 coin flips.
  const inventEvents = inventP.map((p, k) => {
    const order = shuffle(
      Array.from({ length: events }, (_, e) => e),
      seeded(`${seed}:invent:${k}`),
    );
    return new Set(order.slice(0, Math.round(p * events)));
  });

  // Which network articles keep a leftover: round(1/10) of them, seeded.
  const slots = shuffle(
    Array.from({ length: events * NETWORK.length }, (_, i) => i),
    seeded(`${seed}:leftovers`),
  );
  const withLeftover = new Set(slots.slice(0, Math.round(slots.length / 10)));

  let eventStart = Date.UTC(2026, 8, 1);
  for (let e = 0; e < events; e++) {
    const er = seeded(`${seed}:event:${e}`);
    if (e > 0) eventStart += between(er, 2, 5) * day;
    const wireAt = eventStart + between(er, 5, 14) * hour + between(er, 0, 59) * minute;
    const weekday = new Date(wireAt).getUTCDay();
    const ctx: Ctx = {
      town: names.town(),
      county: `${names.town()} County`,
      river: names.river(),
      company: names.company(),
      day: WEEKDAYS[weekday]!,
      nextDay: WEEKDAYS[(weekday + 1) % 7]!,
      person: () => names.person(),
      int: (lo, hi) => between(er, lo, hi),
      dec: (lo, hi) => (Math.round((lo + er() * (hi - lo)) * 10) / 10).toFixed(1),
    };
    const ev = KINDS[e % KINDS.length]!(ctx);
    const tag = `e${String(e + 1).padStart(2, '0')}`;
    const eventTemplates = new Set<string>();

    // The wire original: lede, quote 1, background, optional quote 2, more background (6–9 sentences).
    const [q1, q2] = ev.quotes;
    const withQ2 = er() < 0.7;
    const target = withQ2 ? between(er, 6, 9) : between(er, 6, 8);
    const background = [...ev.facts.map((f) => f[0]), ev.extra];
    const bgCount = target - 1 - (withQ2 ? 2 : 1);
    const keptBg = background.filter((_, i) => i < bgCount - 1 || (i === background.length - 1 && bgCount > 0));
    const wireQuote1 = `“${q1.text},” said ${q1.speaker}, ${q1.desc}.`;
    const wireQuote2 = `“${q2.text},” ${q2.speaker}, ${q2.desc}, said.`;
    const wire: string[] = [ev.ledes[0], wireQuote1, ...keptBg.slice(0, 2)];
    if (withQ2) wire.push(wireQuote2);
    wire.push(...keptBg.slice(2));
    drafts.push(article(`${slug(WIRE)}-${tag}`, ev.headlines[0], wire.join('\n\n'), WIRE, wireAt, null));

    // Honest outlets: their own phrasings, 2–8 hours later.
    HONEST.forEach((outlet, h) => {
      const hr = seeded(`${seed}:honest:${h}:${e}`);
      const at = wireAt + between(hr, 120, 480) * minute + between(hr, 0, 59) * 1000;
      const v = (h + 1) as 1 | 2 | 3;
      const facts = ev.facts.map((f) => f[v]).filter(() => hr() < 0.8);
      if (facts.length < 3) facts.push(...ev.facts.map((f) => f[v]).filter((s) => !facts.includes(s)).slice(0, 3 - facts.length));
      if (facts.length > 2 && hr() < 0.5) {
        const j = between(hr, 0, facts.length - 2);
        [facts[j], facts[j + 1]] = [facts[j + 1]!, facts[j]!];
      }
      const sentences = [ev.ledes[v], ...facts];
      // Each outlet has its own way of quoting and of crediting the wire.
      const quote1 = [`“${q1.text},” ${q1.speaker} said.`, `“${q1.text},” said ${q1.speaker}.`, `${q1.speaker} said: “${q1.text}.”`][h]!;
      const quote2 = [`${q2.speaker}, ${q2.desc}, said: “${q2.text}.”`, `“${q2.text},” said ${q2.speaker}.`, `${q2.speaker} said: “${q2.text}.”`][h]!;
      const credit = [
        `${WIRE} first reported the ${ev.noun} on ${ctx.day}.`,
        `Details of the ${ev.noun} were earlier reported by ${WIRE}.`,
        `According to ${WIRE}, officials were still assessing the situation late on ${ctx.day}.`,
      ][h]!;
      if (hr() < 0.6) sentences.splice(between(hr, 1, 2), 0, quote1);
      if (withQ2 && hr() < 0.25) sentences.push(quote2);
      if (hr() < 0.35) sentences.push(credit);
      if (hr() < 0.5)
        sentences.push(
          pick(
            [
              [`${outlet} has asked the ${ctx.county} authorities for further comment.`, `This report will be updated as more information becomes available.`],
              [`Readers with information can contact the newsroom.`, `${outlet} will follow the story in ${ctx.town} over the coming days.`],
              [`Our reporter in ${ctx.town} contributed to this report.`, `More coverage of ${ctx.county} appears in tomorrow's edition.`],
            ][h]!,
            hr,
          ),
        );
      // One or two sentences per paragraph.
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; ) {
        const take = i > 0 && i + 1 < sentences.length && hr() < 0.5 ? 2 : 1;
        paragraphs.push(sentences.slice(i, i + take).join(' '));
        i += take;
      }
      drafts.push(article(`${slug(outlet)}-${tag}`, ev.headlines[v], paragraphs.join('\n\n'), outlet, at, names.person()));
    });

    // Network sites: light rewrites of the wire text, 10–60 minutes later.
    NETWORK.forEach((site, k) => {
      const nr = seeded(`${seed}:network:${k}:${e}`);
      const lag = Math.min(60, Math.max(10, typicalLag[k]! + between(nr, -6, 6)));
      lags.get(site)!.push(lag);
      let sentences = [...wire];
      // Sometimes drop one sentence (not the lede), keeping at least five.
      if (sentences.length > 5 && nr() < 0.35) sentences.splice(between(nr, 2, sentences.length - 1), 1);
      // Reorder slightly: swap one (sometimes two) adjacent pairs after the lede.
      for (let swaps = nr() < 0.3 ? 2 : 1; swaps > 0; swaps--) {
        const j = between(nr, 1, sentences.length - 2);
        [sentences[j], sentences[j + 1]] = [sentences[j + 1]!, sentences[j]!];
      }
      sentences = spin(sentences, 0.1 + nr() * 0.1, nr);
      const id = `${slug(site)}-${tag}`;
      if (inventEvents[k]!.has(e)) {
        // A template no other site used for this event (so two invented quotes never differ by a number only).
        const pools = [RESIDENT_QUOTES, OFFICIAL_QUOTES] as const;
        let resident = nr() < 0.55;
        if (pools[resident ? 0 : 1].every((_, i) => eventTemplates.has(`${resident ? 'r' : 'o'}${i}`))) resident = !resident;
        const pool = pools[resident ? 0 : 1];
        const free = pool.map((_, i) => i).filter((i) => !eventTemplates.has(`${resident ? 'r' : 'o'}${i}`));
        const t = pick(free, nr);
        eventTemplates.add(`${resident ? 'r' : 'o'}${t}`);
        let quote = '';
        for (let attempt = 0; quote === '' || usedQuotes.has(quote); attempt++) {
          if (attempt > 100) throw new Error('outlet-network-corpus: could not invent a unique quote');
          quote = pool[t]!(ctx.town, ev.noun, between(nr, 3, 40));
        }
        usedQuotes.add(quote);
        const speaker = names.person();
        const attribution = resident ? `${speaker}, a local resident` : `${speaker}, an official with the ${ctx.town} council`;
        sentences.splice(between(nr, 2, sentences.length), 0, `“${quote},” said ${attribution}.`);
        invented.push({ article: id, quote });
        inventedCount.set(site, inventedCount.get(site)! + 1);
      }
      if (withLeftover.has(e * NETWORK.length + k)) {
        const atStart = nr() < 0.5;
        const text = pick(atStart ? LEFTOVERS_START : LEFTOVERS_END, nr);
        if (atStart) sentences.unshift(text);
        else sentences.push(text);
        leftovers.push({ article: id, text });
      }
      const title = spin([ev.headlines[0]], 0.1 + nr() * 0.3, nr)[0]!;
      drafts.push(article(id, title, sentences.join('\n\n'), site, wireAt + lag * minute, null));
    });
  }

  drafts.sort((a, b) => a.at - b.at || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const articles = drafts.map((d) => d.article);

  // Invariants: unique ids, non-empty texts, every invented quote in exactly one article.
  const ids = new Set(articles.map((a) => a.id));
  if (ids.size !== articles.length) throw new Error('outlet-network-corpus: duplicate ids');
  if (articles.some((a) => a.text.trim() === '')) throw new Error('outlet-network-corpus: empty text');
  for (const { article: id, quote } of invented) {
    const carriers = articles.filter((a) => a.text.includes(quote)).map((a) => a.id);
    if (carriers.length !== 1 || carriers[0] !== id) throw new Error(`outlet-network-corpus: invented quote not unique to ${id}`);
  }

  const inventedShare: Record<string, number> = {};
  const medianLagMinutes: Record<string, number> = {};
  for (const site of NETWORK) {
    inventedShare[site] = events > 0 ? inventedCount.get(site)! / events : 0;
    medianLagMinutes[site] = median(lags.get(site)!);
  }
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const byOrder = (x: { article: string }, y: { article: string }): number => order.get(x.article)! - order.get(y.article)!;
  return {
    articles,
    planted: {
      wire: WIRE,
      honest: [...HONEST],
      network: [...NETWORK],
      inventedShare,
      medianLagMinutes,
      invented: invented.sort(byOrder),
      leftovers: leftovers.sort(byOrder),
    },
  };
}

/** The JSONL line for an article (the input format's fields). */
export function networkJsonlLine(a: Article): string {
  return `${JSON.stringify({ id: a.id, title: a.title, text: a.text, source: a.source, url: a.url, published: a.published, language: a.language, byline: a.byline })}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// CLI

async function main(argv: string[]): Promise<number> {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const known = new Set(['--events', '--seed', '--invent-share', '--out']);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(argv[i - 1] ?? ''));
  if (unknown.length > 0) {
    process.stderr.write('usage: outlet-network-corpus.ts [--events N] [--seed S] [--invent-share X] [--out FILE]\n');
    return 2;
  }
  const events = value('--events');
  const share = value('--invent-share');
  const options: NetworkCorpusOptions = {};
  if (events !== undefined) {
    const n = Number(events);
    if (!Number.isInteger(n) || n <= 0) {
      process.stderr.write(`outlet-network-corpus: bad --events '${events}'\n`);
      return 2;
    }
    options.events = n;
  }
  if (share !== undefined) {
    const x = Number(share);
    if (!Number.isFinite(x) || x < 0 || x > 1) {
      process.stderr.write(`outlet-network-corpus: bad --invent-share '${share}'\n`);
      return 2;
    }
    options.inventShare = x;
  }
  const seed = value('--seed');
  if (seed !== undefined) options.seed = seed;
  const outPath = value('--out');
  const out = outPath ? createWriteStream(outPath) : process.stdout;
  for (const a of networkCorpus(options).articles) if (!out.write(networkJsonlLine(a))) await new Promise<void>((r) => out.once('drain', () => r()));
  if (outPath) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
