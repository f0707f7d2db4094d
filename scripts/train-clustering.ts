/**
 * Fits the pairwise story decision and writes models/clustering.json and its TypeScript mirror
 * src/cluster/story-model.ts (what src/cluster/similarity-matrix.ts imports as STORY_SIMILARITY).
 *   node --import tsx scripts/train-clustering.ts [--data DIR]
 * Data: ECB+ (clustering/ecbplus.dev.articles.jsonl, gold `story`). Only the 8 dev topics of the usual
 * protocol (2, 5, 12, 18, 21, 23, 34, 35) are used for fitting; the other topics are the held-out split
 * that `npm run eval -- --only clustering` reports.
 *   1. Every article's story signature (src/cluster/signature.ts, from the raw article: no `analyse()`);
 *      the bags' IDF over all articles of the file (label-free, as the batch `cluster` command does) by
 *      `articleStoryFeatures`.
 *   2. Rows: `storyPairFeatures` of every pair of dev-topic articles (in file order), label = same gold story.
 *   3. Weights: `fitLogisticGradientDescent` (full batch, from zero, STEPS steps of STEP_SIZE, L2 on weights).
 *   4. Threshold: the dev-topic articles are clustered alone (average link over `storyLinkMatrix`) at each
 *      threshold of THRESHOLDS; the best B³ F1 wins (ties: the threshold nearer 0.5, then the lower).
 *   5. Small-group rescue: with that threshold fixed, each size of RESCUE_SIZES and each threshold of
 *      THRESHOLDS not above it is tried for `attachSmallGroups`; the best mean of two dev B³ F1s wins: the
 *      dev topics as they are, and the dev topics with every other story cut to one article
 *      (`withSingletons`: ECB+ has no lone articles, real feeds do, and a rescue tuned without them pulls
 *      every lone article into a story). Ties: the smaller size, then the higher threshold (more cautious).
 *   6. Time: ECB+ articles are mostly undated, so the time weight (signature-decision.ts `timeGap`; TIME_FREE_DAYS
 *      free) is chosen on the tuning half of the AllSides headline roundups (eval/allsides.ts: dated events, each
 *      told by a left, a centre and a right outlet; `CORROBORATE_ALLSIDES=FILE`): the tuning half clustered alone
 *      with every weight of TIME_WEIGHTS, the best B³ F1 wins (ties: the smaller weight). Without that file the
 *      shipped time weight is kept (and the script says so).
 *   7. Titles: ECB+ articles have none, so the title term (signature-decision.ts `titleTerm`) is chosen the same way,
 *      with the time weight of step 6 fixed: every TITLE_WEIGHTS × TITLE_CENTERS on the tuning half; of those within
 *      TITLE_TOLERANCE of the best B³ F1 (differences that small are noise on ~250 roundups), the smallest weight
 *      wins, then the smaller centre: a strong title term links two events whose headlines share one common word.
 *      Without the file the shipped title term is kept.
 * Deterministic: no random numbers, fixed order everywhere.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { averageLinkClusters } from '../src/cluster/average-link.js';
import { attachSmallGroups } from '../src/cluster/small-groups.js';
import { articleStoryFeatures, STORY_FEATURES, storyLinkMatrix, storyPairFeatures, type StoryModel } from '../src/cluster/similarity-matrix.js';
import { fitLogisticGradientDescent } from '../src/cluster/story-fit.js';
import { storyGroups } from '../src/cluster/index.js';
import type { Article } from '../src/types.js';
import { DEV_TOPICS, withSingletons } from '../eval/clustering.js';
import { ALLSIDES_SET, readAllSides, type RoundupArticle } from '../eval/allsides.js';
import { STORY_MODEL } from '../src/cluster/story-model.js';
import { bCubed } from '../eval/metrics/clustering.js';

export const FILE = 'clustering/ecbplus.dev.articles.jsonl';
export const STEPS = 3000;
export const STEP_SIZE = 10;
export const L2 = 1e-4;
export const RESCUE_SIZES = [1, 2, 3];
export const TIME_WEIGHTS = [0, 1, 2, 3, 4, 6, 8, 12, 16];
export const TIME_FREE_DAYS = 1;
export const TITLE_WEIGHTS = [0, 1, 2, 3, 4, 6, 8];
export const TITLE_CENTERS = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
export const TITLE_TOLERANCE = 0.005;
export const THRESHOLDS = Array.from({ length: 19 }, (_, k) => Number(((k + 1) * 0.05).toFixed(2)));

export interface GoldArticle {
  article: Article;
  story: string;
  topic: string;
}

/** Reads the ECB+ file (file order). */
export function readArticles(dataDir: string): GoldArticle[] {
  const lines = readFileSync(join(dataDir, FILE), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const r = JSON.parse(line) as Record<string, unknown>;
    const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const gold = (typeof r.gold === 'object' && r.gold !== null ? r.gold : {}) as Record<string, unknown>;
    const id = s(r.id);
    const text = s(r.text);
    const story = s(gold.story);
    const topic = s(gold.topic);
    if (!id || text === null || !story || !topic) throw new Error(`${FILE} line ${i + 1}: missing id, text or gold story/topic`);
    const article: Article = { id, title: s(r.title), text, source: s(r.source), url: s(r.url), published: s(r.published), language: 'en', byline: null, origin: id };
    return { article, story, topic };
  });
}

const round = (x: number): number => Number(x.toPrecision(6));

export interface TrainedStoryModel {
  model: StoryModel;
  pairs: number;
  positives: number;
  loss: number;
  /** B³ of the dev-topic articles clustered alone, per threshold tried (no singleton rescue). */
  thresholdCurve: CurvePoint[];
  /** B³ of the same at the chosen threshold, per rescue size and threshold tried. */
  rescueCurve: RescuePoint[];
}

/** B³ of the AllSides tuning half per time weight tried. */
export interface TimePoint {
  timeWeight: number;
  f1: number;
  precision: number;
  recall: number;
}

/** B³ of the AllSides tuning half per title weight and centre tried (time weight fixed). */
export interface TitlePoint {
  titleWeight: number;
  titleCenter: number;
  f1: number;
  precision: number;
  recall: number;
}

/** B³ of the AllSides tuning half clustered alone under `model`. */
function tuningB3(model: StoryModel, features: ReturnType<typeof articleStoryFeatures>, gold: readonly string[]): { f1: number; precision: number; recall: number } {
  const predicted = new Array<number>(gold.length);
  storyGroups(features, model).forEach((g, k) => g.forEach((d) => (predicted[d] = k)));
  const { f1, precision, recall } = bCubed(predicted, gold);
  return { f1, precision, recall };
}

/**
 * Steps 6 and 7 on the AllSides tuning half clustered alone, the rest of `model` fixed: the time weight with the best
 * B³ F1 (ties: the smaller weight), then with it the title weight and centre: the smallest weight (then centre) within
 * TITLE_TOLERANCE of the best B³ F1.
 */
export function fitRoundupTerms(
  model: StoryModel,
  roundups: readonly RoundupArticle[],
): { timeWeight: number; curve: TimePoint[]; titleWeight: number; titleCenter: number; titleCurve: TitlePoint[]; articles: number } {
  const tuning = roundups.filter((r) => r.tuning);
  const features = articleStoryFeatures(tuning.map((r) => r.article));
  const gold = tuning.map((r) => r.story);
  const untitled = { ...model, titleWeight: 0, titleCenter: 0, timeFreeDays: TIME_FREE_DAYS };
  const curve = TIME_WEIGHTS.map((timeWeight): TimePoint => ({ timeWeight, ...tuningB3({ ...untitled, timeWeight }, features, gold) }));
  const { timeWeight } = [...curve].sort((x, y) => y.f1 - x.f1 || x.timeWeight - y.timeWeight)[0]!;
  const titleCurve = TITLE_WEIGHTS.flatMap((titleWeight) =>
    (titleWeight === 0 ? [0] : TITLE_CENTERS).map((titleCenter): TitlePoint => ({ titleWeight, titleCenter, ...tuningB3({ ...untitled, timeWeight, titleWeight, titleCenter }, features, gold) })),
  );
  const best = Math.max(...titleCurve.map((t) => t.f1));
  const title = titleCurve.filter((t) => t.f1 >= best - TITLE_TOLERANCE).sort((x, y) => x.titleWeight - y.titleWeight || x.titleCenter - y.titleCenter)[0]!;
  return { timeWeight, curve, titleWeight: title.titleWeight, titleCenter: title.titleCenter, titleCurve, articles: tuning.length };
}

export interface CurvePoint {
  threshold: number;
  f1: number;
  precision: number;
  recall: number;
}

export interface RescuePoint extends CurvePoint {
  maxSize: number;
  /** B³ F1 of the dev topics with every other story cut to one article (`withSingletons`). */
  singletonF1: number;
}

export function trainStoryModel(items: readonly GoldArticle[]): TrainedStoryModel {
  const features = articleStoryFeatures(items.map((i) => i.article));
  const dev = items.map((_, i) => i).filter((i) => DEV_TOPICS.has(items[i]!.topic));
  const xs: number[][] = [];
  const ys: boolean[] = [];
  for (let a = 0; a < dev.length; a++)
    for (let b = a + 1; b < dev.length; b++) {
      xs.push(storyPairFeatures(features[dev[a]!]!, features[dev[b]!]!));
      ys.push(items[dev[a]!]!.story === items[dev[b]!]!.story);
    }
  const fit = fitLogisticGradientDescent(xs, ys, { steps: STEPS, stepSize: STEP_SIZE, l2: L2 });
  const weights = Object.fromEntries(STORY_FEATURES.map((f, k) => [f.weight, round(fit.weights[k]!)]));
  // ECB+ is fitted without the time and title terms (its articles are mostly undated and have no titles; both are chosen afterwards).
  const base = { bias: round(fit.bias), ...weights, semanticWeight: 0, timeWeight: 0, timeFreeDays: TIME_FREE_DAYS, titleWeight: 0, titleCenter: 0 } as Omit<StoryModel, 'threshold' | 'rescueThreshold' | 'rescueMaxSize'>;

  const devFeatures = dev.map((i) => features[i]!);
  const gold = dev.map((i) => items[i]!.story);
  const matrix = storyLinkMatrix(devFeatures, { ...base, threshold: 0.5, rescueThreshold: 0.5, rescueMaxSize: 0 });
  const point = (threshold: number, groups: number[][], truth: readonly string[] = gold): CurvePoint => {
    const predicted = new Array<number>(truth.length);
    groups.forEach((g, k) => g.forEach((d) => (predicted[d] = k)));
    const b3 = bCubed(predicted, truth);
    return { threshold, f1: b3.f1, precision: b3.precision, recall: b3.recall };
  };
  const thresholdCurve = THRESHOLDS.map((threshold) => point(threshold, averageLinkClusters(matrix, threshold)));
  const best = [...thresholdCurve].sort(
    (x, y) => y.f1 - x.f1 || Math.abs(x.threshold - 0.5) - Math.abs(y.threshold - 0.5) || x.threshold - y.threshold,
  )[0]!;
  const groups = averageLinkClusters(matrix, best.threshold);
  const lone = withSingletons(gold);
  const loneGold = lone.map((k) => gold[k]!);
  const loneMatrix = lone.map((a) => Float64Array.from(lone, (b) => matrix[a]![b]!));
  const loneGroups = averageLinkClusters(loneMatrix, best.threshold);
  const rescueCurve = RESCUE_SIZES.flatMap((maxSize) =>
    THRESHOLDS.filter((t) => t <= best.threshold).map((t) => ({
      maxSize,
      ...point(t, attachSmallGroups(groups, matrix, t, maxSize)),
      singletonF1: point(t, attachSmallGroups(loneGroups, loneMatrix, t, maxSize), loneGold).f1,
    })),
  );
  const objective = (r: RescuePoint): number => (r.f1 + r.singletonF1) / 2;
  const rescue = [...rescueCurve].sort((x, y) => objective(y) - objective(x) || x.maxSize - y.maxSize || y.threshold - x.threshold)[0]!;
  return {
    model: { ...base, threshold: best.threshold, rescueThreshold: rescue.threshold, rescueMaxSize: rescue.maxSize },
    pairs: xs.length,
    positives: ys.filter(Boolean).length,
    loss: fit.loss,
    thresholdCurve,
    rescueCurve,
  };
}

function rescuePoint(trained: TrainedStoryModel): RescuePoint {
  const { model } = trained;
  return trained.rescueCurve.find((t) => t.threshold === model.rescueThreshold && t.maxSize === model.rescueMaxSize)!;
}

/** How the time and title terms were set: fitted on the AllSides tuning half, or kept from the shipped model. */
export type TimeFit = { fitted: true; curve: TimePoint[]; titleCurve: TitlePoint[]; articles: number } | { fitted: false };

export function writeStoryModel(root: string, trained: TrainedStoryModel, articles: number, time: TimeFit): void {
  const { model } = trained;
  const chosen = rescuePoint(trained);
  const json = {
    name: 'clustering',
    description:
      'Pairwise story decision on story signatures of the raw articles (src/cluster/signature.ts, signature-decision.ts): p = sigmoid(bias + sum of <feature>Weight x feature - timeWeight x ln(1 + max(0, days apart - timeFreeDays)) + titleWeight x (title cosine - titleCenter) + the near-copy term (fixed, not fitted: signature-decision.ts nearCopyTerm)), features = ' +
      `${STORY_FEATURES.map((f) => f.name).join(', ')} (TF-IDF cosines of the signature bags, IDF per bag, with pseudo-documents for a focused corpus: signature-decision.ts focusBackground, none for this training corpus; an empty slot bag takes the whole-text cosine; the time term is 0 when either article is undated, the title term when either has no title, the two are in different languages or their headlines name different people or places); ` +
      'average-link clustering merges groups whose average p >= threshold; then a group of at most rescueMaxSize articles joins the larger story with the highest average p if that is >= rescueThreshold (src/cluster/small-groups.ts).',
    script: 'scripts/train-clustering.ts',
    trainedOn:
      `${FILE}: all ${trained.pairs} pairs (${trained.positives} same-story) of the articles of the dev topics ${[...DEV_TOPICS].join(', ')}; ` +
      `IDF over all ${articles} articles; full-batch gradient descent from zero, ${STEPS} steps of ${STEP_SIZE}, L2 ${L2}; ` +
      `threshold = best dev B³ F1 over ${THRESHOLDS[0]}..${THRESHOLDS[THRESHOLDS.length - 1]} (dev topics clustered alone), then rescueMaxSize in ${RESCUE_SIZES.join(', ')} and rescueThreshold (<= threshold) by the best mean of the dev B³ F1 and the dev B³ F1 with every other story cut to one article, with the threshold fixed; ` +
      (time.fitted
        ? `timeWeight = best B³ F1 over ${TIME_WEIGHTS.join(', ')} (timeFreeDays ${TIME_FREE_DAYS}) on the ${time.articles} articles of the tuning half (even roundup ids) of the ${ALLSIDES_SET}, clustered alone; ` +
          `then titleWeight over ${TITLE_WEIGHTS.join(', ')} and titleCenter over ${TITLE_CENTERS.join(', ')} the same way with that time weight: the smallest weight (then centre) within ${TITLE_TOLERANCE} of the best B³ F1`
        : `timeWeight, titleWeight and titleCenter kept from the previous model (the AllSides roundups were not found: CORROBORATE_ALLSIDES)`),
    report: {
      meanLogLoss: round(trained.loss),
      devB3: { precision: round(chosen.precision), recall: round(chosen.recall), f1: round(chosen.f1) },
      thresholdCurve: trained.thresholdCurve.map((t) => ({ threshold: t.threshold, f1: round(t.f1) })),
      rescueCurve: trained.rescueCurve.map((t) => ({ maxSize: t.maxSize, threshold: t.threshold, f1: round(t.f1), singletonF1: round(t.singletonF1) })),
      ...(time.fitted
        ? {
            allSidesTuningTimeCurve: time.curve.map((t) => ({ timeWeight: t.timeWeight, f1: round(t.f1), precision: round(t.precision), recall: round(t.recall) })),
            allSidesTuningTitleCurve: time.titleCurve.map((t) => ({ titleWeight: t.titleWeight, titleCenter: t.titleCenter, f1: round(t.f1), precision: round(t.precision), recall: round(t.recall) })),
          }
        : {}),
    },
    model,
  };
  writeFileSync(join(root, 'models', 'clustering.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(
    join(root, 'src', 'cluster', 'story-model.ts'),
    '// Generated by scripts/train-clustering.ts — do not edit by hand. (= `model` in models/clustering.json)\n' +
      `export const STORY_MODEL = ${JSON.stringify(model)} as const;\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = values.data ?? join(root, '..', 'shared', 'data');
  const items = readArticles(dataDir);
  const trained = trainStoryModel(items);
  const roundups = readAllSides(dataDir);
  let time: TimeFit = { fitted: false };
  if (roundups) {
    const fit = fitRoundupTerms(trained.model, roundups);
    trained.model = { ...trained.model, timeWeight: fit.timeWeight, titleWeight: fit.titleWeight, titleCenter: fit.titleCenter };
    time = { fitted: true, curve: fit.curve, titleCurve: fit.titleCurve, articles: fit.articles };
    console.log(`time weight ${fit.timeWeight} (AllSides tuning half, ${fit.articles} articles): ${fit.curve.map((t) => `${t.timeWeight} → ${t.f1.toFixed(4)}`).join(', ')}`);
    console.log(`title weight ${fit.titleWeight}, centre ${fit.titleCenter}: ${fit.titleCurve.map((t) => `${t.titleWeight}/${t.titleCenter} → ${t.f1.toFixed(4)}`).join(', ')}`);
  } else {
    const { timeWeight, titleWeight, titleCenter } = STORY_MODEL;
    trained.model = { ...trained.model, timeWeight, titleWeight, titleCenter };
    console.log(`AllSides roundups not found (CORROBORATE_ALLSIDES): time weight ${timeWeight}, title weight ${titleWeight} and centre ${titleCenter} kept`);
  }
  writeStoryModel(root, trained, items.length, time);
  const chosen = rescuePoint(trained);
  console.log(`${trained.pairs} dev pairs (${trained.positives} same story); log-loss ${trained.loss.toFixed(4)}`);
  console.log(`model ${JSON.stringify(trained.model)}`);
  console.log(`dev B³ F1 ${chosen.f1.toFixed(4)} (P ${chosen.precision.toFixed(4)} R ${chosen.recall.toFixed(4)}) at threshold ${trained.model.threshold}, rescue of groups <= ${trained.model.rescueMaxSize} at ${trained.model.rescueThreshold}`);
  console.log('wrote models/clustering.json and src/cluster/story-model.ts');
}
