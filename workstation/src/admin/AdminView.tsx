/** Administration of the centre: one sub-screen per kind of setting. */
import { useState } from 'react';
import { useWorkstation } from '../store.js';
import { CatalogueOffer } from './CatalogueOffer.js';
import { ImportAdmin } from './ImportAdmin.js';
import { JobsAdmin } from './JobsAdmin.js';
import { StatsAdmin } from './StatsAdmin.js';
import { PlacesAdmin } from './PlacesAdmin.js';
import { ReasonsAdmin } from './ReasonsAdmin.js';
import { RulesAdmin } from './RulesAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';
import { AuditAdmin } from './AuditAdmin.js';
import { DevicesAdmin } from './DevicesAdmin.js';
import { SecurityAdmin } from './SecurityAdmin.js';
import { KioskExitCodeForm } from './KioskExitCodeForm.js';

const SECTIONS = {
  users: 'Comptes',
  places: 'Salles et catégories',
  reasons: 'Motifs et parcours',
  rules: 'Règles et écrans',
  imports: 'Import des rendez-vous',
  stats: 'Statistiques et exports',
  jobs: 'Tâches planifiées',
  devices: 'Appareils',
  security: 'Sécurité',
  audit: 'Journal d’audit',
} as const;
type Section = keyof typeof SECTIONS;

export function AdminView() {
  const { config } = useWorkstation();
  const [section, setSection] = useState<Section>('users');
  if (!config) return null;
  return (
    <div className="ws-admin">
      <nav className="ws-subnav" aria-label="Administration">
        {(Object.keys(SECTIONS) as Section[]).map((key) => (
          <button key={key} type="button" aria-pressed={section === key} onClick={() => setSection(key)}>
            {SECTIONS[key]}
          </button>
        ))}
      </nav>
      {config.categories.length === 0 && config.reasons.length === 0 && <CatalogueOffer />}
      {section === 'users' && <UsersAdmin config={config} />}
      {section === 'places' && <PlacesAdmin config={config} />}
      {section === 'reasons' && <ReasonsAdmin config={config} />}
      {section === 'rules' && <RulesAdmin config={config} />}
      {section === 'imports' && <ImportAdmin config={config} />}
      {section === 'stats' && <StatsAdmin />}
      {section === 'jobs' && <JobsAdmin />}
      {section === 'devices' && <DevicesAdmin />}
      {section === 'security' && (
        <>
          <SecurityAdmin />
          <KioskExitCodeForm />
        </>
      )}
      {section === 'audit' && <AuditAdmin />}
    </div>
  );
}
