/**
 * The consultant whose care I just finished, kept until my next action so
 * that the desk can say where they go next (issue 14, item 6).
 */
import { create } from 'zustand';
import type { VisitDto } from '@gfa/shared';

export const useAfterCare = create<{ visit: VisitDto | null }>(() => ({ visit: null }));

export const showAfterCare = (visit: VisitDto): void => useAfterCare.setState({ visit });
export const clearAfterCare = (): void => useAfterCare.setState({ visit: null });
