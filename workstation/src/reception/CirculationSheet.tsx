/**
 * « Feuille de circulation »: the paper a visitor carries from step to step,
 * with their identity, reason, the journey's steps as boxes to tick and the
 * convocation barcode. Only printed (hidden on screen).
 */
import type { CentreConfig, VisitDto } from '@gfa/shared';
import { Code128Svg } from '../print/Code128Svg.js';
import { birthDate, clock } from '../format.js';
import { labels } from '../store.js';

export function CirculationSheet(props: {
  readonly visit: VisitDto;
  readonly config: CentreConfig | null;
  readonly reference: string | null;
}) {
  const { visit, config, reference } = props;
  const l = labels(config);
  const { identity } = visit;
  return (
    <article className="ws-sheet" aria-label={`Feuille de circulation de ${identity.lastName.toUpperCase()}`}>
      <header>
        <h2>Feuille de circulation</h2>
        {reference ? <Code128Svg value={reference} /> : <p>Sans convocation</p>}
      </header>
      <dl>
        <dt>Consultant</dt>
        <dd>
          {identity.civility} {identity.lastName.toUpperCase()} {identity.firstName}
        </dd>
        <dt>Né(e) le</dt>
        <dd>{birthDate(identity.birthDate)}</dd>
        <dt>Motif</dt>
        <dd>{l.reason(visit.reasonId)}</dd>
        <dt>Rendez-vous / arrivée</dt>
        <dd>
          {clock(visit.appointmentAt)} / {clock(visit.arrivedAt)}
        </dd>
      </dl>
      <table>
        <thead>
          <tr>
            <th>Fait</th>
            <th>Étape du parcours</th>
            <th>Professionnel</th>
            <th>Visa</th>
          </tr>
        </thead>
        <tbody>
          {visit.steps.map((s) => (
            <tr key={s.id}>
              <td>
                <span className="ws-tickbox" role="img" aria-label={s.status === 'done' ? 'fait' : 'à faire'}>
                  {s.status === 'done' ? '✓' : ''}
                </span>
              </td>
              <td>
                {s.label}
                {s.optional ? ' (facultatif)' : ''}
              </td>
              <td>{s.professionalId ? l.professional(s.professionalId) : ''}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
