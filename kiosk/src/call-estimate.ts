/**
 * « Vous serez appelé(e) dans environ 10 minutes »: the forecast's minutes
 * rounded as a person would say them (never « 0 minute »), or a safe sentence
 * when there is no forecast.
 */
export const NO_ESTIMATE = 'Vous serez appelé(e) dès que possible.';

/** Rounded to a step that matches the forecast's precision: 5 min under an hour, 15 min above. */
function spoken(minutes: number): string {
  if (minutes < 10) return `${minutes} minutes`;
  const fives = Math.round(minutes / 5) * 5;
  if (fives < 60) return `${fives} minutes`;
  const quarters = Math.round(minutes / 15);
  const hours = Math.floor(quarters / 4);
  const rest = (quarters % 4) * 15;
  if (rest > 0) return `${hours} h ${rest}`;
  return hours === 1 ? '1 heure' : `${hours} heures`;
}

export function callEstimateText(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes) || minutes < 0)
    return NO_ESTIMATE;
  if (minutes <= 2) return 'Vous serez appelé(e) dans quelques instants.';
  return `Vous serez appelé(e) dans environ ${spoken(Math.round(minutes))}.`;
}
