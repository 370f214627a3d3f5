/**
 * The statistics as tables (one per view, and the group sessions when the period had some), ready for
 * CSV and XLSX: typed columns, French headings.
 */
import type { GroupRow } from '@gfa/shared';
import type { Statistics } from './statistics.js';
import type { Summary } from './percentiles.js';

export type Cell = string | number | null;
/**
 * How a column's cells are written: `date` cells hold `YYYY-MM-DD`, `time`
 * and `datetime` cells an instant (epoch ms) shown in the centre's local time.
 */
export type ColumnType = 'text' | 'number' | 'date' | 'time' | 'datetime';
export interface Column {
  readonly label: string;
  readonly type: ColumnType;
}
export interface Table {
  /** The sheet's name (French, at most 31 characters) and the CSV file's. */
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Cell[][];
}

const n = (label: string) => ({ label, type: 'number' as const });
const text = (label: string) => ({ label, type: 'text' as const });
const summaryColumns = (what: string) => [
  n(`${what} moyenne (min)`),
  n(`${what} médiane (min)`),
  n(`${what} p90 (min)`),
  n(`${what} min (min)`),
  n(`${what} max (min)`),
];
const summaryCells = (s: Summary): Cell[] => [s.mean, s.median, s.p90, s.min, s.max];

export function statisticsTables(stats: Statistics): Table[] {
  return [
    {
      name: 'Par professionnel',
      columns: [
        text('Professionnel'),
        n('Prises en charge'),
        ...summaryColumns('Durée de prise en charge'),
        ...summaryColumns('Attente'),
      ],
      rows: stats.byProfessional.map((r) => [
        r.name,
        r.cares,
        ...summaryCells(r.care),
        ...summaryCells(r.wait),
      ]),
    },
    {
      name: 'Par profession',
      columns: [
        text('Profession'),
        n('Prises en charge'),
        ...summaryColumns('Durée de prise en charge'),
        ...summaryColumns('Attente'),
      ],
      rows: stats.byCategory.map((r) => [r.label, r.cares, ...summaryCells(r.care), ...summaryCells(r.wait)]),
    },
    {
      name: 'Par motif',
      columns: [
        text('Motif de visite'),
        n('Convoqués'),
        n('Pris en charge'),
        n('Convoqués non venus'),
        n('Venus non pris en charge'),
        ...summaryColumns('Durée du parcours'),
        ...summaryColumns('Attente'),
      ],
      rows: stats.byReason.map((r) => [
        r.label,
        r.convened,
        r.handled,
        r.notCome,
        r.cameNotHandled,
        ...summaryCells(r.journey),
        ...summaryCells(r.wait),
      ]),
    },
    {
      name: 'Ensemble',
      columns: [
        text('Période'),
        n('Consultants'),
        n('Pris en charge'),
        n('Convoqués non venus'),
        n('Venus non pris en charge'),
        n('Prises en charge'),
        n('Prises en charge par professionnel (moyenne)'),
        ...summaryColumns('Durée de prise en charge'),
        ...summaryColumns('Attente'),
        ...summaryColumns('Durée du parcours'),
      ],
      rows: [
        [
          `${stats.from} → ${stats.to}`,
          stats.all.visits,
          stats.all.handled,
          stats.all.convenedNotCome,
          stats.all.cameNotHandled,
          stats.all.cares,
          stats.all.carePerProfessional,
          ...summaryCells(stats.all.care),
          ...summaryCells(stats.all.wait),
          ...summaryCells(stats.all.journey),
        ],
      ],
    },
    ...(stats.groups ? [groupSessionsTable(stats.groups)] : []),
  ];
}

/** Q-GROUP-*: a session of N participants counts once, its facilitators' time once per facilitator. */
function groupSessionsTable(groups: readonly GroupRow[]): Table {
  return {
    name: 'Séances collectives',
    columns: [
      text('Motif de visite'),
      n('Séances'),
      n('Participants'),
      n('Participants par séance (moyenne)'),
      n('Durée d’une séance moyenne (min)'),
      n('Minutes d’animation (durée × animateurs)'),
    ],
    rows: groups.map((g) => [
      g.label,
      g.sessions,
      g.participants,
      g.participantsPerSession,
      g.meanSessionMinutes,
      g.facilitatorMinutes,
    ]),
  };
}
