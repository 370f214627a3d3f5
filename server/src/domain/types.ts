/**
 * The engine's contract. The engine is a pure function of
 * (state, config, command, context): it never reads the clock, never does I/O
 * and never generates random ids itself, so a whole day can be replayed.
 */
import type {
  ActorRef,
  Appointment,
  CentreConfig,
  DayString,
  DeskAction,
  Desk,
  GroupAction,
  DomainEvent,
  Id,
  Identity,
  Millis,
  Professional,
  QueueRef,
  Role,
  StepInstance,
  Visit,
  VisitAction,
} from '@gfa/shared';

/** Everything that moves during one day at one site. */
export interface DayState {
  readonly day: DayString;
  readonly visits: Readonly<Record<Id, Visit>>;
  readonly desks: Readonly<Record<Id, Desk>>;
}

/** Who asks; rights are checked again here, not only at the HTTP layer. */
export interface Actor {
  readonly ref: ActorRef;
  readonly roles: readonly Role[];
  /** Set when the actor is a professional (a user with categories). */
  readonly professionalId: Id | null;
}

/** One consultant step a professional could take now, as seen by a dispatcher. */
export interface Candidate {
  readonly visit: Visit;
  readonly step: StepInstance;
  /** The queue through which this step reaches the professional. */
  readonly queue: QueueRef;
}

/** An available professional with nobody in progress and no offer, as seen by a dispatcher. */
export interface FreeProfessional {
  readonly professional: Professional;
  /** Q-OFFER-1: since when they really have nothing to do (last care ended, or presence set). */
  readonly idleSince: Millis;
  /** The candidates this professional may take (rule Q-PICK-1), not offered to anyone. */
  readonly candidates: readonly Candidate[];
}

export interface DispatchInput {
  readonly now: Millis;
  readonly config: CentreConfig;
  readonly state: DayState;
  readonly professionals: readonly FreeProfessional[];
}

/** One consultant's step offered to one professional. */
export interface Offer {
  readonly professionalId: Id;
  readonly visitId: Id;
  readonly stepId: Id;
}

/**
 * Q-DISPATCH-1: decides, for all free professionals at once, who is offered
 * which consultant. Pluggable so that dispatchers can be measured against
 * each other (npm run bench:day); the engine drops any offer that breaks
 * one-per-professional, one-per-consultant or eligibility.
 */
export interface Dispatcher {
  (input: DispatchInput): readonly Offer[];
  /**
   * Q-VIEW-3, optional: one professional's candidates in the order this
   * dispatcher would give them one after the other, in one pass. It must
   * agree with asking the dispatcher again after each choice, which is what
   * a dispatcher without it is asked.
   */
  readonly rank?: (input: DispatchInput, free: FreeProfessional) => readonly Candidate[];
}

export interface EngineContext {
  readonly now: Millis;
  readonly actor: Actor;
  readonly config: CentreConfig;
  readonly newId: () => Id;
  /** Defaults to the journey-aware dispatcher of docs/QUEUE_SPEC.md (Q-DISPATCH-*). */
  readonly dispatcher?: Dispatcher;
}

export type EngineCommand =
  /** A visit in `expected` state for an appointment of the day (idempotent per appointment). */
  | { readonly type: 'expect'; readonly appointment: Appointment }
  /** The expected visit of an appointment that was cancelled or changed is withdrawn (never once arrived). */
  | { readonly type: 'withdraw'; readonly appointmentId: Id }
  /** Kiosk or reception check-in of an expected visit. */
  | { readonly type: 'check_in'; readonly visitId: Id }
  /** Reception registers someone without an appointment today, for a reason. */
  | {
      readonly type: 'walk_in';
      readonly identity: Identity;
      readonly reasonId: Id;
      readonly professionalId: Id | null;
    }
  | { readonly type: 'visit'; readonly visitId: Id; readonly action: VisitAction }
  | { readonly type: 'desk'; readonly professionalId: Id; readonly action: DeskAction }
  /** A facilitator's action on a group session (rules Q-GROUP-*); `visitId` of the result is null. */
  | { readonly type: 'group'; readonly professionalId: Id; readonly action: GroupAction };

export const DomainErrorCode = [
  'not_found',
  'invalid_state',
  'forbidden',
  'invalid_input',
  'conflict',
] as const;
export type DomainErrorCode = (typeof DomainErrorCode)[number];

export interface DomainError {
  readonly code: DomainErrorCode;
  /** French, shown to the user as is. */
  readonly message: string;
  /** English, precise, for the logs (never contains names). */
  readonly detail: string;
}

export type EngineResult =
  | {
      readonly ok: true;
      readonly state: DayState;
      readonly events: readonly DomainEvent[];
      /** Ids whose rows the storage adapter must rewrite. */
      readonly changedVisitIds: readonly Id[];
      readonly changedDeskIds: readonly Id[];
      /** The visit created or concerned by the command (for the HTTP answer). */
      readonly visitId: Id | null;
    }
  | { readonly ok: false; readonly error: DomainError };
