/** What the desk tells the consultant after care: next queues with room when known, reception, or exit. */
import { describe, expect, it } from 'vitest';
import { toVisitDto } from '../../server/src/service/read-models.js';
import { Day, T0, appointment, makeConfig, staff } from '../../server/test/domain/fixtures.js';
import { whereNext } from '../src/where-next.js';

describe('where the consultant goes next', () => {
  const dto = (day: Day, id: string) => toVisitDto(day.visit(id), day.config);

  it('lists the queues of the ready steps, with the room of a queue served by one professional', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.care(id, 'christelle', {
      type: 'finish',
      addSteps: [
        {
          label: 'Diététique',
          target: { kind: 'category', categoryId: 'dieteticien' },
          estimatedMinutes: 20,
        },
      ],
    });
    expect(whereNext(dto(day, id), day.config)).toEqual({
      kind: 'queues',
      // Two doctors serve « medecin »: no room; one dietician: her room.
      places: ['medecin', 'infirmier (SOINS1)', 'preleveur (LABO1)', 'dieteticien (DIET1)'],
    });
  });

  it('says « sortie » once the journey is over, and reception when no step can be served', () => {
    const day = new Day(makeConfig({ templates: makeConfig().templates.filter((t) => t.id !== 'tpl-psy') }));
    const gone = day.arrive(appointment('a1', 'eip', T0));
    day.care(gone, 'carole');
    expect(whereNext(dto(day, gone), day.config)).toEqual({ kind: 'exit' });
    const psy = day.ok(
      {
        type: 'walk_in',
        identity: { civility: 'Mme', firstName: 'Flore', lastName: 'SANSRDV', birthDate: '1970-02-03' },
        reasonId: 'etpc',
        professionalId: null,
      },
      staff('sophie'),
    ).visitId as string;
    day.config = { ...day.config, professionals: day.config.professionals.filter((p) => p.id !== 'carole') };
    expect(whereNext(dto(day, psy), day.config)).toEqual({ kind: 'reception' });
  });
});
