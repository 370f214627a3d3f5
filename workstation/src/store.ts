/** The workstation's state: session, centre configuration, the day's visits, my desk, alerts. */
import { create } from 'zustand';
import type { CentreConfig, DeskViewDto, Principal, ReceptionAlert, VisitDto } from '@gfa/shared';
import type { LinkStatus } from '@gfa/shared/client';

export type Alert = ReceptionAlert;
export type Tab = 'desk' | 'reception' | 'supervision' | 'administration' | 'account';

export interface WorkstationState {
  principal: Extract<Principal, { kind: 'user' }> | null;
  config: CentreConfig | null;
  visits: Record<string, VisitDto>;
  desk: DeskViewDto | null;
  alerts: Alert[];
  status: LinkStatus;
  tab: Tab;
  message: { kind: 'error' | 'info'; text: string } | null;
  /** Bumped on every board event: the supervision view reloads its figures. */
  boardVersion: number;
  /** Recovery codes just made by a two-factor setup: shown once, then forgotten. */
  recoveryCodes: string[] | null;
  signIn(principal: Extract<Principal, { kind: 'user' }>, config: CentreConfig): void;
  signOut(): void;
  setVisits(visits: VisitDto[]): void;
  putVisit(visit: VisitDto): void;
  setDesk(desk: DeskViewDto | null): void;
  addAlert(alert: Alert): void;
  setAlerts(alerts: Alert[]): void;
  dismissAlerts(): void;
  setStatus(status: LinkStatus): void;
  setTab(tab: Tab): void;
  say(kind: 'error' | 'info', text: string): void;
  boardChanged(): void;
  setConfig(config: CentreConfig): void;
  setRecoveryCodes(codes: string[] | null): void;
}

const empty = {
  principal: null,
  config: null,
  visits: {},
  desk: null,
  alerts: [],
  message: null,
  recoveryCodes: null,
};

export const useWorkstation = create<WorkstationState>((set) => ({
  ...empty,
  status: 'connecting',
  tab: 'desk',
  boardVersion: 0,
  // A login error or "session ended" notice is stale once signed in.
  signIn: (principal, config) => set({ principal, config, tab: firstTab(principal), message: null }),
  signOut: () => set({ ...empty }),
  setVisits: (visits) => set({ visits: Object.fromEntries(visits.map((v) => [v.id, v])) }),
  putVisit: (visit) => set((s) => ({ visits: { ...s.visits, [visit.id]: visit } })),
  setDesk: (desk) => set({ desk }),
  addAlert: (alert) => set((s) => ({ alerts: [...s.alerts, alert] })),
  setAlerts: (alerts) => set({ alerts }),
  dismissAlerts: () => set({ alerts: [] }),
  setStatus: (status) => set({ status }),
  setTab: (tab) => set({ tab }),
  say: (kind, text) => set({ message: { kind, text } }),
  boardChanged: () => set((s) => ({ boardVersion: s.boardVersion + 1 })),
  setConfig: (config) => set({ config }),
  setRecoveryCodes: (recoveryCodes) => set({ recoveryCodes }),
}));

/** Where each role starts: professionals at their desk, supervisors on the board. */
function firstTab(principal: Extract<Principal, { kind: 'user' }>): Tab {
  if (principal.professionalId) return 'desk';
  if (principal.roles.includes('supervisor')) return 'supervision';
  if (principal.roles.includes('administrator')) return 'administration';
  return 'reception';
}

export const isSupervisor = (p: Extract<Principal, { kind: 'user' }>): boolean =>
  p.roles.includes('supervisor') || p.roles.includes('administrator');
export const isAdministrator = (p: Extract<Principal, { kind: 'user' }>): boolean =>
  p.roles.includes('administrator');

/** Labels a person reads, from ids. */
export function labels(config: CentreConfig | null) {
  return {
    reason: (id: string) => config?.reasons.find((r) => r.id === id)?.label ?? id,
    professional: (id: string | null) => config?.professionals.find((p) => p.id === id)?.displayName ?? '—',
    category: (id: string) => config?.categories.find((c) => c.id === id)?.label ?? id,
    room: (id: string | null) => config?.rooms.find((r) => r.id === id)?.label ?? '',
  };
}

export const STATE_LABEL: Record<VisitDto['state'], string> = {
  expected: 'Attendu',
  arrived: "À l'accueil",
  waiting: 'En attente',
  called: 'Appelé',
  in_care: 'En consultation',
  away: 'Absent momentanément',
  done: 'Parcours terminé',
  left: 'Parti',
  no_show: 'Non venu',
  cancelled: 'Rendez-vous annulé',
};

export const AWAY_LABEL: Record<NonNullable<VisitDto['away']>['reason'], string> = {
  collation: 'Collation',
  prelevement: 'Prélèvement',
  auto_prelevement: 'Auto-prélèvement',
  ecg: 'ECG',
  attente: 'Attente',
  dehors: 'Dehors',
  reunion_partenaire: 'Réunion partenaire',
};
