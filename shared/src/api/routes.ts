/**
 * THE route table: the server registers its REST routes from it, checks
 * rights with it, builds the OpenAPI document from it, and the role-matrix
 * test walks it. Add routes here, never only on the server.
 */
import { z } from 'zod';
import { VisitAction } from '../domain/commands.js';
import { GroupAction } from '../domain/group-commands.js';
import {
  AdminUser,
  AdminUsers,
  IdParams,
  SaveAlertRulesRequest,
  SaveCategoryRequest,
  SaveReasonRequest,
  SaveRoomRequest,
  SaveTemplateRequest,
  SaveUserRequest,
} from './admin.js';
import {
  AdminDevice,
  ApproveEnrolmentRequest,
  DevicesDto,
  EnrolmentParams,
  EnrolmentRequest,
  EnrolmentStatus,
  EnrolmentTicket,
  KioskExitCodeStatus,
  KioskExitRequest,
  KioskExitVerdict,
  SaveKioskExitCodeRequest,
} from './devices.js';
import {
  AccountSecurity,
  AuditPage,
  AuditQuery,
  LoginResponse,
  RecoveryCodes,
  SecondFactorRequest,
  SecondFactorResponse,
  SecuritySettings,
  TotpSetup,
} from './security.js';
import { AcknowledgeAlertRequest, SupervisionDto } from './supervision.js';
import { Catalogue, CatalogueOffer } from './catalogue.js';
import { AgendaPush, CreateIntegrationRequest, CreatedIntegration, Integrations } from './integrations.js';
import { BackupPassphraseRequest, JobParams, JobStatus, JobsDto, SaveDataSettingsRequest } from './jobs.js';
import { ExportFile, PeriodQuery, Statistics, StatisticsExportQuery } from './statistics.js';
import {
  AlertRule,
  Category,
  JourneyTemplate,
  OpeningHours,
  PolicySettings,
  Room,
  VisitReason,
} from '../domain/model.js';
import { BoardDto, DeskViewDto, PublicConfigDto, SessionDto, VisitDto } from './dto.js';
import { DisplayConfigDto } from './display.js';
import { CategoryWaitsDto, DeskForecastDto, VisitForecastsDto } from './forecast.js';
import { SatisfactionRequest, SatisfactionResponse, SatisfactionStats } from './satisfaction.js';
import type { Access } from './principal.js';
import {
  CheckinRequest,
  CheckinResponse,
  DisplaySettings,
  HealthResponse,
  ImportProfile,
  ImportProfiles,
  ImportReport,
  ImportRuns,
  ImportUpload,
  LoginRequest,
  MediaList,
  OkResponse,
  PresenceRequest,
  RegisterVisitRequest,
  SaveImportValuesRequest,
  VisitParams,
  VisitsQuery,
} from './rest.js';

export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly access: Access;
  /** French, for the OpenAPI document. */
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** For the few routes that take files; the default body limit is 256 KiB. */
  readonly bodyLimit?: number;
}

const staff = { principals: ['user'] } as const;
const supervisors = { principals: ['supervisor'] } as const;
const administrators = { principals: ['administrator'] } as const;

export const routes = {
  health: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: 'État du serveur',
    response: HealthResponse,
  },
  login: {
    method: 'POST',
    path: '/api/session',
    access: 'public',
    summary: 'Connexion (identifiant et mot de passe, ou jeton d’appareil) ; peut demander un second facteur',
    body: LoginRequest,
    response: LoginResponse,
  },
  secondFactor: {
    method: 'POST',
    path: '/api/session/second-factor',
    access: 'public',
    summary: 'Second facteur de connexion (code TOTP ou code de secours)',
    body: SecondFactorRequest,
    response: SecondFactorResponse,
  },
  logoutEverywhere: {
    method: 'DELETE',
    path: '/api/sessions',
    access: staff,
    summary: 'Déconnexion de toutes mes sessions (tous les postes)',
    response: OkResponse,
  },
  accountSecurity: {
    method: 'GET',
    path: '/api/account/security',
    access: staff,
    summary: 'Sécurité de mon compte (double authentification, sessions)',
    response: AccountSecurity,
  },
  startTotpSetup: {
    method: 'POST',
    path: '/api/account/totp',
    access: staff,
    summary: 'Commence l’activation de la double authentification (QR code)',
    response: TotpSetup,
  },
  confirmTotpSetup: {
    method: 'PUT',
    path: '/api/account/totp',
    access: staff,
    summary: 'Confirme la double authentification avec un premier code ; renvoie les codes de secours',
    body: SecondFactorRequest,
    response: RecoveryCodes,
  },
  logout: {
    method: 'DELETE',
    path: '/api/session',
    access: 'authenticated',
    summary: 'Déconnexion',
    response: OkResponse,
  },
  requestEnrolment: {
    method: 'POST',
    path: '/api/enrolments',
    access: 'public',
    summary: 'Demande d’appairage d’un appareil (affiche un code à 6 chiffres)',
    body: EnrolmentRequest,
    response: EnrolmentTicket,
  },
  enrolmentStatus: {
    method: 'GET',
    path: '/api/enrolments/:requestId',
    access: 'public',
    summary: 'État d’une demande d’appairage (le jeton est remis une seule fois)',
    params: EnrolmentParams,
    response: EnrolmentStatus,
  },
  adminDevices: {
    method: 'GET',
    path: '/api/admin/devices',
    access: administrators,
    summary: 'Appareils appairés et demandes en attente',
    response: DevicesDto,
  },
  approveEnrolment: {
    method: 'POST',
    path: '/api/admin/enrolments/approve',
    access: administrators,
    summary: 'Approuve l’appareil qui affiche ce code (nom et type)',
    body: ApproveEnrolmentRequest,
    response: AdminDevice,
  },
  refuseEnrolment: {
    method: 'POST',
    path: '/api/admin/enrolments/:id/refuse',
    access: administrators,
    summary: 'Refuse une demande d’appairage',
    params: IdParams,
    response: OkResponse,
  },
  kioskExitCode: {
    method: 'GET',
    path: '/api/admin/kiosk-exit-code',
    access: administrators,
    summary: 'Le code de sortie des bornes est-il défini ?',
    response: KioskExitCodeStatus,
  },
  saveKioskExitCode: {
    method: 'PUT',
    path: '/api/admin/kiosk-exit-code',
    access: administrators,
    summary: 'Définit le code de sortie des bornes (4 à 12 chiffres)',
    body: SaveKioskExitCodeRequest,
    response: KioskExitCodeStatus,
  },
  kioskExit: {
    method: 'POST',
    path: '/api/kiosk/exit',
    access: { principals: ['kiosk'] },
    summary: 'Vérifie le code de sortie saisi sur une borne',
    body: KioskExitRequest,
    response: KioskExitVerdict,
  },
  resetUserTotp: {
    method: 'POST',
    path: '/api/admin/users/:id/totp-reset',
    access: administrators,
    summary: 'Réinitialise la double authentification d’un compte (téléphone perdu)',
    params: IdParams,
    response: OkResponse,
  },
  securitySettings: {
    method: 'GET',
    path: '/api/admin/security',
    access: administrators,
    summary: 'Règles de session et de double authentification',
    response: SecuritySettings,
  },
  saveSecuritySettings: {
    method: 'PUT',
    path: '/api/admin/security',
    access: administrators,
    summary: 'Modifie les règles de session et de double authentification',
    body: SecuritySettings,
    response: SecuritySettings,
  },
  auditLog: {
    method: 'GET',
    path: '/api/admin/audit',
    access: administrators,
    summary: 'Recherche dans le journal d’audit chaîné',
    query: AuditQuery,
    response: AuditPage,
  },
  auditExport: {
    method: 'GET',
    path: '/api/admin/audit/export',
    access: administrators,
    summary: 'Export du journal d’audit (CSV ou XLSX) pour la période et la recherche',
    query: AuditQuery,
    response: ExportFile,
  },
  revokeDevice: {
    method: 'POST',
    path: '/api/admin/devices/:id/revoke',
    access: administrators,
    summary: 'Révoque un appareil (coupe aussitôt ses connexions)',
    params: IdParams,
    response: AdminDevice,
  },
  me: {
    method: 'GET',
    path: '/api/session',
    access: 'authenticated',
    summary: 'Session en cours',
    response: SessionDto,
  },
  config: {
    method: 'GET',
    path: '/api/config',
    // Not the displays: they read displayConfig, which carries no staff names.
    access: { principals: ['kiosk', 'user'] },
    summary: 'Paramétrage du centre (catégories, salles, professionnels, motifs, parcours)',
    response: PublicConfigDto,
  },
  checkin: {
    method: 'POST',
    path: '/api/checkin',
    access: { principals: ['kiosk', 'user'] },
    summary: 'Enregistrement de l’arrivée d’un consultant (borne ou accueil)',
    body: CheckinRequest,
    response: CheckinResponse,
  },
  visits: {
    method: 'GET',
    path: '/api/visits',
    access: staff,
    summary: 'Consultants du jour',
    query: VisitsQuery,
    response: z.object({ visits: z.array(VisitDto) }),
  },
  registerVisit: {
    method: 'POST',
    path: '/api/visits',
    access: staff,
    summary: 'Enregistrement manuel à l’accueil (arrivée d’un rendez-vous ou consultant sans rendez-vous)',
    body: RegisterVisitRequest,
    response: z.object({ visit: VisitDto }),
  },
  convocationReferences: {
    method: 'GET',
    path: '/api/visits/references',
    access: staff,
    summary: 'Références des convocations du jour (code-barres des feuilles de circulation)',
    response: z.object({ references: z.record(z.string(), z.string()) }),
  },
  visitAction: {
    method: 'POST',
    path: '/api/visits/:id/actions',
    access: staff,
    summary: 'Action sur un consultant (appel, prise en charge, fin, absence, transfert, note…)',
    params: VisitParams,
    body: VisitAction,
    response: z.object({ visit: VisitDto }),
  },
  desk: {
    method: 'GET',
    path: '/api/desk',
    access: staff,
    summary: 'Mon poste : mes files d’attente',
    response: DeskViewDto,
  },
  callNext: {
    method: 'POST',
    path: '/api/desk/call-next',
    access: staff,
    summary: 'Appeler le consultant suivant',
    response: z.object({ visit: VisitDto }),
  },
  presence: {
    method: 'POST',
    path: '/api/desk/presence',
    access: staff,
    summary: 'Ma présence (disponible, en pause, absent) et ma salle',
    body: PresenceRequest,
    response: DeskViewDto,
  },
  groupAction: {
    method: 'POST',
    path: '/api/group-sessions/actions',
    access: staff,
    summary: 'Séance collective : appeler le groupe, rejoindre, démarrer, terminer la séance',
    body: GroupAction,
    response: DeskViewDto,
  },
  board: {
    method: 'GET',
    path: '/api/board',
    access: { principals: ['supervisor'] },
    summary: 'Tableau de bord du superviseur',
    response: BoardDto,
  },
  displayConfig: {
    method: 'GET',
    path: '/api/display/config',
    access: { principals: ['display'] },
    summary: 'Ce qu’un écran d’appel affiche : ses réglages, les salles, les libellés des catégories',
    response: DisplayConfigDto,
  },
  displaySettings: {
    method: 'GET',
    path: '/api/settings/display',
    access: { principals: ['display', 'user'] },
    summary: 'Réglages des écrans d’appel (synthèse vocale, format du nom)',
    response: DisplaySettings,
  },
  saveDisplaySettings: {
    method: 'PUT',
    path: '/api/settings/display',
    access: { principals: ['administrator'] },
    summary: 'Modifier les réglages des écrans d’appel (appliqués en direct)',
    body: DisplaySettings,
    response: DisplaySettings,
  },
  importAppointments: {
    method: 'POST',
    path: '/api/imports',
    access: { principals: ['administrator'] },
    summary:
      'Importer un fichier de rendez-vous CSV ou .xlsx (aperçu avec dryRun, puis import tout ou rien, annulations au-delà du seuil confirmées)',
    body: ImportUpload,
    response: ImportReport,
    bodyLimit: 8 * 1024 * 1024,
  },
  importProfiles: {
    method: 'GET',
    path: '/api/imports/profiles',
    access: { principals: ['administrator'] },
    summary: 'Profils de correspondance des colonnes pour l’import des rendez-vous',
    response: ImportProfiles,
  },
  saveImportProfile: {
    method: 'PUT',
    path: '/api/imports/profiles',
    access: { principals: ['administrator'] },
    summary: 'Enregistrer un profil de correspondance des colonnes (le profil « standard » est fixe)',
    body: ImportProfile,
    response: ImportProfiles,
  },
  saveImportValues: {
    method: 'PUT',
    path: '/api/imports/profiles/values',
    access: { principals: ['administrator'] },
    summary:
      'Enregistrer la correspondance des valeurs de l’agenda (motifs, professionnels) d’un profil, « standard » compris',
    body: SaveImportValuesRequest,
    response: ImportProfiles,
  },
  pushAppointments: {
    method: 'POST',
    path: '/api/agenda/appointments',
    access: 'integration',
    summary:
      'L’agenda envoie ses rendez-vous (JSON, clé d’API de l’intégration) : mêmes contrôles et mêmes règles par agenda qu’un fichier, idempotent par l’identifiant de l’agenda ; n’annule que les rendez-vous marqués « Annulé »',
    body: AgendaPush,
    response: ImportReport,
    bodyLimit: 4 * 1024 * 1024,
  },
  integrations: {
    method: 'GET',
    path: '/api/admin/integrations',
    access: { principals: ['administrator'] },
    summary: 'Intégrations d’agenda (clés d’API, jamais affichées après leur création)',
    response: Integrations,
  },
  createIntegration: {
    method: 'POST',
    path: '/api/admin/integrations',
    access: { principals: ['administrator'] },
    summary:
      'Créer une intégration d’agenda : sa clé d’API est affichée une seule fois (gardée hachée, journalisé)',
    body: CreateIntegrationRequest,
    response: CreatedIntegration,
  },
  revokeIntegration: {
    method: 'DELETE',
    path: '/api/admin/integrations/:id',
    access: { principals: ['administrator'] },
    summary: 'Révoquer la clé d’API d’une intégration (journalisé)',
    params: VisitParams,
    response: Integrations,
  },
  catalogueOffer: {
    method: 'GET',
    path: '/api/admin/catalogue',
    access: { principals: ['administrator'] },
    summary:
      'Catalogue du cahier des charges proposé à la première installation (catégories, motifs, parcours)',
    response: CatalogueOffer,
  },
  applyCatalogue: {
    method: 'POST',
    path: '/api/admin/catalogue',
    access: { principals: ['administrator'] },
    summary:
      'Appliquer le catalogue (modifié ou non) en une seule étape journalisée, sur une installation neuve',
    body: Catalogue,
    response: CatalogueOffer,
  },
  importRuns: {
    method: 'GET',
    path: '/api/imports/runs',
    access: { principals: ['administrator'] },
    summary: 'Derniers imports de rendez-vous (fichier, nombres, erreurs)',
    response: ImportRuns,
  },
  media: {
    method: 'GET',
    path: '/api/media',
    access: { principals: ['display', 'user'] },
    summary: 'Vidéos de prévention diffusées par les écrans (dossier « media » du serveur)',
    response: MediaList,
  },
  // ------------------------------------------------ supervision (issue 4)
  supervision: {
    method: 'GET',
    path: '/api/supervision',
    access: supervisors,
    summary: 'Supervision : indicateurs du jour calculés depuis le journal, et alertes',
    response: SupervisionDto,
  },
  acknowledgeAlert: {
    method: 'POST',
    path: '/api/supervision/acknowledgements',
    access: supervisors,
    summary: 'Acquitter une alerte (journalisé)',
    body: AcknowledgeAlertRequest,
    response: OkResponse,
  },
  // ------------------------------------------------ administration (issue 4)
  adminUsers: {
    method: 'GET',
    path: '/api/admin/users',
    access: administrators,
    summary: 'Comptes du personnel',
    response: AdminUsers,
  },
  saveUser: {
    method: 'PUT',
    path: '/api/admin/users/:id',
    access: administrators,
    summary: 'Créer ou modifier un compte (rôles, catégories, salle, actif)',
    params: IdParams,
    body: SaveUserRequest,
    response: AdminUser,
  },
  saveCategory: {
    method: 'PUT',
    path: '/api/admin/categories/:id',
    access: administrators,
    summary: 'Créer ou modifier une catégorie de professionnels',
    params: IdParams,
    body: SaveCategoryRequest,
    response: Category,
  },
  saveRoom: {
    method: 'PUT',
    path: '/api/admin/rooms/:id',
    access: administrators,
    summary: 'Créer ou modifier une salle',
    params: IdParams,
    body: SaveRoomRequest,
    response: Room,
  },
  saveReason: {
    method: 'PUT',
    path: '/api/admin/reasons/:id',
    access: administrators,
    summary: 'Créer ou modifier un motif de visite et sa classe de priorité',
    params: IdParams,
    body: SaveReasonRequest,
    response: VisitReason,
  },
  saveTemplate: {
    method: 'PUT',
    path: '/api/admin/templates/:id',
    access: administrators,
    summary: 'Nouvelle version du parcours d’un motif (les visites en cours gardent la leur)',
    params: IdParams,
    body: SaveTemplateRequest,
    response: JourneyTemplate,
  },
  savePolicy: {
    method: 'PUT',
    path: '/api/admin/policy',
    access: administrators,
    summary: 'Règles de priorité et d’affectation automatique',
    body: PolicySettings,
    response: PolicySettings,
  },
  saveAlertRules: {
    method: 'PUT',
    path: '/api/admin/alert-rules',
    access: administrators,
    summary: 'Règles d’alerte de la supervision (seuils et périmètres)',
    body: SaveAlertRulesRequest,
    response: z.object({ rules: z.array(AlertRule) }),
  },
  saveOpeningHours: {
    method: 'PUT',
    path: '/api/admin/opening-hours',
    access: administrators,
    summary: 'Horaires d’ouverture du centre',
    body: OpeningHours,
    response: OpeningHours,
  },
  // ------------------------------------------------ statistics and exports (issue 5)
  statistics: {
    method: 'GET',
    path: '/api/statistics',
    access: administrators,
    summary: 'Statistiques d’une période (éléments de pilotage), avec médiane et 90e centile',
    query: PeriodQuery,
    response: Statistics,
  },
  exportStatistics: {
    method: 'GET',
    path: '/api/exports/statistics',
    access: administrators,
    summary: 'Export des statistiques d’une période (XLSX, ou CSV dans une archive zip)',
    query: StatisticsExportQuery,
    response: ExportFile,
  },
  fullExport: {
    method: 'GET',
    path: '/api/exports/all',
    access: administrators,
    summary: 'Export complet de toutes les tables (réversibilité) : CSV et un classeur XLSX, en zip',
    response: ExportFile,
  },
  // ------------------------------------------------ scheduled jobs and data settings (issue 5)
  jobs: {
    method: 'GET',
    path: '/api/admin/jobs',
    access: administrators,
    summary:
      'Tâches planifiées (import, export nominatif, anonymisation, sauvegarde) et réglages des données',
    response: JobsDto,
  },
  runJob: {
    method: 'POST',
    path: '/api/admin/jobs/:id/run',
    access: administrators,
    summary: 'Lance une tâche planifiée tout de suite',
    params: JobParams,
    response: JobStatus,
  },
  saveDataSettings: {
    method: 'PUT',
    path: '/api/admin/data-settings',
    access: administrators,
    summary: 'Conservation des données nominatives, dossiers et horaires des tâches',
    body: SaveDataSettingsRequest,
    response: JobsDto,
  },
  saveBackupPassphrase: {
    method: 'PUT',
    path: '/api/admin/backup-passphrase',
    access: administrators,
    summary: 'Phrase de passe des sauvegardes chiffrées (jamais renvoyée)',
    body: BackupPassphraseRequest,
    response: z.object({ ok: z.literal(true) }),
  },
  // ------------------------------------------------ forecast and satisfaction (issue 17)
  deskForecast: {
    method: 'GET',
    path: '/api/forecast/desk',
    access: staff,
    summary: 'Prévision de mon poste : prochain consultant attendu et consultants à venir',
    response: DeskForecastDto,
  },
  visitForecasts: {
    method: 'GET',
    path: '/api/forecast/visits',
    access: staff,
    summary: 'Prévision par consultant : prochaine prise en charge et fin de parcours attendues',
    response: VisitForecastsDto,
  },
  categoryWaits: {
    method: 'GET',
    path: '/api/forecast/categories',
    access: { principals: ['display', 'user'] },
    summary: 'Attente estimée par catégorie (sans nom, pour les écrans d’appel)',
    response: CategoryWaitsDto,
  },
  satisfaction: {
    method: 'POST',
    path: '/api/kiosk/satisfaction',
    access: { principals: ['kiosk'] },
    summary: 'Avis de satisfaction d’un visiteur à la borne (anonyme, ou lié à la visite par la convocation)',
    body: SatisfactionRequest,
    response: SatisfactionResponse,
  },
  satisfactionStatistics: {
    method: 'GET',
    path: '/api/statistics/satisfaction',
    access: administrators,
    summary: 'Satisfaction d’une période : part de satisfaits par motif et par durée de parcours',
    query: PeriodQuery,
    response: SatisfactionStats,
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'Ce document',
    response: z.record(z.string(), z.unknown()),
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof routes;
export type RouteBody<R extends RouteId> = (typeof routes)[R] extends { body: z.ZodType<infer B> }
  ? B
  : never;
export type RouteQuery<R extends RouteId> = (typeof routes)[R] extends { query: z.ZodType<infer Q> }
  ? Q
  : Record<string, never>;
export type RouteParams<R extends RouteId> = (typeof routes)[R] extends { params: z.ZodType<infer P> }
  ? P
  : { id?: string };
export type RouteResponse<R extends RouteId> = z.infer<(typeof routes)[R]['response']>;
