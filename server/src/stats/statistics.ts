/**
 * The "éléments de pilotage" of the CCTP for a period: care counts and
 * durations per professional, per profession and for all; waiting times;
 * journey durations per visit reason; convened but not come; came but not
 * handled. Pure: computed from the statistics cube (see `cube.ts`), so the
 * figures are identical before and after anonymisation and whether a day is
 * read from its rollup or from its visits.
 */
import type {
  CareRow,
  CategoryRow,
  CentreConfig,
  JournalEntry,
  ReasonRow,
  Statistics,
  Visit,
} from '@gfa/shared';
import { addVisits, emptyCube, type CareCell, type StatisticsCube } from './cube.js';
import { mergeInto, summariseDistribution, type Distribution } from './distribution.js';
import { round1 } from './percentiles.js';
import { groupRows } from './group-sessions.js';

export type { CareRow, CategoryRow, ReasonRow, Statistics };

interface Group {
  cares: number;
  readonly care: Distribution;
  readonly wait: Distribution;
}

function groupCares(cells: Iterable<CareCell>, key: (c: CareCell) => string | null): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const cell of cells) {
    const k = key(cell);
    if (k === null) continue;
    let group = groups.get(k);
    if (!group) {
      group = { cares: 0, care: new Map(), wait: new Map() };
      groups.set(k, group);
    }
    for (const n of cell.care.values()) group.cares += n;
    mergeInto(group.care, cell.care);
    mergeInto(group.wait, cell.wait);
  }
  return groups;
}

/** The profession a care counts for: the target's category, else the professional's first one. */
function categoryOf(cell: CareCell, config: CentreConfig): string | null {
  if (cell.targetKind === 'category') return cell.targetCategoryId;
  const own = config.professionals.find((p) => p.id === cell.professionalId)?.categoryIds[0];
  if (own !== undefined) return own;
  return cell.targetKind === 'appointment_professional' ? cell.targetCategoryId : null;
}

/** Sorted by label in French order; the id breaks ties so the order never depends on how the cube was read. */
const sortBy = <T>(rows: T[], label: (r: T) => string, id: (r: T) => string): T[] =>
  rows.sort((a, b) => label(a).localeCompare(label(b), 'fr') || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));

export function statisticsFromCube(
  period: { from: string; to: string },
  cube: StatisticsCube,
  config: CentreConfig,
): Statistics {
  const cells = [...cube.cares.values()];
  const byProfessional = [...groupCares(cells, (c) => c.professionalId)].map(([professionalId, g]) => ({
    professionalId,
    name: config.professionals.find((p) => p.id === professionalId)?.displayName ?? professionalId,
    cares: g.cares,
    care: summariseDistribution(g.care),
    wait: summariseDistribution(g.wait),
  }));
  const byCategory = [...groupCares(cells, (c) => categoryOf(c, config))].map(([categoryId, g]) => ({
    categoryId,
    label: config.categories.find((c) => c.id === categoryId)?.label ?? categoryId,
    cares: g.cares,
    care: summariseDistribution(g.care),
    wait: summariseDistribution(g.wait),
  }));
  const reasonWaits = groupCares(cells, (c) => c.reasonId);
  const byReason = [...cube.reasons.values()].map((r) => ({
    reasonId: r.reasonId,
    label: config.reasons.find((x) => x.id === r.reasonId)?.label ?? r.reasonId,
    convened: r.convened,
    handled: r.handled,
    notCome: r.notCome,
    cameNotHandled: r.cameNotHandled,
    journey: summariseDistribution(r.journey),
    wait: summariseDistribution(reasonWaits.get(r.reasonId)?.wait ?? new Map()),
  }));
  const all = groupCares(cells, () => 'all').get('all') ?? { cares: 0, care: new Map(), wait: new Map() };
  const reasons = [...cube.reasons.values()];
  const total = (pick: (r: (typeof reasons)[number]) => number): number =>
    reasons.reduce((s, r) => s + pick(r), 0);
  const journey: Distribution = new Map();
  for (const r of reasons) mergeInto(journey, r.journey);
  const groups = groupRows(cube.groups, config);
  return {
    ...period,
    byProfessional: sortBy(
      byProfessional,
      (r) => r.name,
      (r) => r.professionalId,
    ),
    byCategory: sortBy(
      byCategory,
      (r) => r.label,
      (r) => r.categoryId,
    ),
    byReason: sortBy(
      byReason,
      (r) => r.label,
      (r) => r.reasonId,
    ),
    all: {
      visits: total((r) => r.visits),
      handled: total((r) => r.handled),
      convenedNotCome: total((r) => r.notCome),
      cameNotHandled: total((r) => r.cameNotHandled),
      cares: all.cares,
      carePerProfessional: byProfessional.length ? round1(all.cares / byProfessional.length) : null,
      care: summariseDistribution(all.care),
      wait: summariseDistribution(all.wait),
      journey: summariseDistribution(journey),
    },
    ...(groups.length > 0 && { groups }),
  };
}

/** Statistics of visits held in memory (a day's state, a test fixture). */
export function computeStatistics(
  period: { from: string; to: string },
  visits: readonly Visit[],
  events: readonly JournalEntry[],
  config: CentreConfig,
): Statistics {
  const cube = emptyCube();
  addVisits(cube, visits, events);
  return statisticsFromCube(period, cube, config);
}
