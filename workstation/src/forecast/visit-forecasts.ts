/**
 * Each visit's forecast next care and journey end (Q-FORECAST-1), read by
 * reception and by the desk after a care, polled while a screen shows them.
 * The server throttles the forecast itself: polling more often gains nothing.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { VisitForecastDto } from '@gfa/shared';
import { api } from '../session.js';

const POLL_MS = 30_000;

interface Forecasts {
  readonly at: number | null;
  readonly visits: Readonly<Record<string, VisitForecastDto>>;
}

export const useVisitForecasts = create<Forecasts>(() => ({ at: null, visits: {} }));

export async function refreshVisitForecasts(): Promise<void> {
  try {
    const dto = await api.call('visitForecasts');
    useVisitForecasts.setState({
      at: dto.at,
      visits: Object.fromEntries(dto.visits.map((v) => [v.visitId, v])),
    });
  } catch {
    // No forecast is shown rather than a stale one: a screen without it still works.
    useVisitForecasts.setState({ at: null, visits: {} });
  }
}

/** Keeps the forecasts fresh while the calling screen is shown. */
export function usePolledVisitForecasts(): void {
  useEffect(() => {
    void refreshVisitForecasts();
    const timer = setInterval(() => void refreshVisitForecasts(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
}
