/** « Prise en charge terminée » and where the consultant goes now, until my next action. */
import { useEffect } from 'react';
import type { CentreConfig } from '@gfa/shared';
import { useAfterCare } from './after-care.js';
import { whereNext } from './where-next.js';
import { NextStepEstimate } from './forecast/NextStepEstimate.js';
import { refreshVisitForecasts, usePolledVisitForecasts } from './forecast/visit-forecasts.js';

export function AfterCareNotice({ config }: { readonly config: CentreConfig }) {
  const visit = useAfterCare((s) => s.visit);
  usePolledVisitForecasts();
  // The consultant's next wait, as forecast now that their care is over.
  useEffect(() => {
    if (visit) void refreshVisitForecasts();
  }, [visit]);
  if (!visit) return null;
  const next = whereNext(visit, config);
  const who = `${visit.identity.civility} ${visit.identity.lastName.toUpperCase()}`.trim();
  return (
    <section className="ws-after-care" aria-label="Où va le consultant" role="status">
      <h2>Prise en charge de {who} terminée</h2>
      {next.kind === 'exit' && (
        <p>
          <strong>Parcours terminé → sortie.</strong> Raccompagnez le consultant vers la sortie.
        </p>
      )}
      {next.kind === 'reception' && (
        <p>
          <strong>À orienter par l’accueil :</strong> aucune étape suivante n’a de professionnel présent.
        </p>
      )}
      {next.kind === 'queues' && (
        <>
          <p>
            Invitez-le à patienter en <strong>salle d’attente</strong> : il sera appelé à l’écran pour{' '}
            {next.places.length > 1 ? 'l’une des étapes suivantes' : 'l’étape suivante'}.
          </p>
          <ul>
            {next.places.map((place) => (
              <li key={place}>{place}</li>
            ))}
          </ul>
          <p>
            <NextStepEstimate visit={visit} config={config} />
          </p>
        </>
      )}
    </section>
  );
}
