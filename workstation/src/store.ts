/** The workstation's state: session, centre configuration, the day's visits, my desk, alerts. */
import { create } from 'zustand';
import type { CentreConfig, DeskViewDto, LandingTab, Principal, ReceptionAlert, VisitDto } from '@gfa/shared';
import type { LinkStatus } from '@gfa/shared/client';
import { OFFLINE_TEXT } from '@gfa/shared/client';

export type Alert = ReceptionAlert;
export type Tab = 'desk' | 'reception' | 'supervision' | 'administration' | 'account';

export interface WorkstationState {
  principal: Extract<Principal, { kind: 'user' }> | null;
  config: CentreConfig | null;
  visits: Record<string, VisitDto>;
  desk: DeskViewDto | null;
  alerts: Alert[];
  /** How many of the day's kiosk alerts this workstation has marked « Vu » (the badge counts the rest). */
  alertsSeen: number;
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
  alertsSeen: 0,
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
  dismissAlerts: () => set((s) => ({ alertsSeen: s.alerts.length })),
  // Back online, a connection notice is stale: the situation changed.
  setStatus: (status) =>
    set((s) => ({
      status,
      message: status === 'online' && s.message?.text === OFFLINE_TEXT ? null : s.message,
    })),
  // A notice about the previous screen is stale on another one.
  setTab: (tab) => set((s) => ({ tab, message: s.tab === tab ? s.message : null })),
  say: (kind, text) => set({ message: { kind, text } }),
  boardChanged: () => set((s) => ({ boardVersion: s.boardVersion + 1 })),
  setConfig: (config) => set({ config }),
  setRecoveryCodes: (recoveryCodes) => set({ recoveryCodes }),
}));

export const LANDING_LABEL: Record<LandingTab, string> = {
  desk: 'Mon poste',
  reception: 'Accueil',
  supervision: 'Supervision',
  administration: 'Administration',
};

/** Where each account starts: its own setting, else professionals at their desk, supervisors on the board. */
function firstTab(principal: Extract<Principal, { kind: 'user' }>): Tab {
  if (principal.landingTab) return principal.landingTab;
  if (principal.professionalId) return 'desk';
  if (principal.roles.includes('supervisor')) return 'supervision';
  if (principal.roles.includes('administrator')) return 'administration';
  return 'reception';
}

export const isSupervisor = (p: Extract<Principal, { kind: 'user' }>): boolean =>
  p.roles.includes('supervisor') || p.roles.includes('administrator');
export const isAdministrator = (p: Extract<Principal, { kind: 'user' }>): boolean =>
  p.roles.includes('administrator');
/** Reception staff: opens on « Accueil », or has no desk and no board. They get the « Accueil (n) » badge. */
export const isReceptionStaff = (p: Extract<Principal, { kind: 'user' }>): boolean =>
  p.landingTab === 'reception' || (!p.professionalId && !isSupervisor(p));
/**
 * Clinical controls (steps to add, ECG and sample ticks) belong to clinical
 * categories: an account whose categories are all administrative sees none.
 */
export const seesClinicalControls = (p: Principal | null, config: CentreConfig | null): boolean =>
  p?.kind === 'user' &&
  p.categoryIds.some((id) => !config?.categories.find((c) => c.id === id)?.administrative);

/** Labels a person reads, from ids. */
export function labels(config: CentreConfig | null) {
  return {
    reason: (id: string) => config?.reasons.find((r) => r.id === id)?.label ?? id,
    /** The short code staff know a reason by (EPS, MBP…), for dense tables. */
    reasonCode: (id: string) => config?.reasons.find((r) => r.id === id)?.code ?? id,
    professional: (id: string | null) => config?.professionals.find((p) => p.id === id)?.displayName ?? '—',
    category: (id: string) => config?.categories.find((c) => c.id === id)?.label ?? id,
    room: (id: string | null) => config?.rooms.find((r) => r.id === id)?.label ?? '',
  };
}

export const AWAY_LABEL: Record<NonNullable<VisitDto['away']>['reason'], string> = {
  collation: 'Collation',
  prelevement: 'Prélèvement',
  auto_prelevement: 'Auto-prélèvement',
  ecg: 'ECG',
  attente: 'Attente',
  dehors: 'Dehors',
  reunion_partenaire: 'Réunion partenaire',
};
