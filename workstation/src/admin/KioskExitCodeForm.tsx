/**
 * Administration › Sécurité › Code de sortie des bornes: the code an
 * administrator types on a kiosk's « Administration » pad to leave kiosk
 * mode. Checked by the server; never shown again once saved.
 */
import { useEffect, useState } from 'react';
import type { KioskExitCodeStatus } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { when } from './when.js';

export function KioskExitCodeForm() {
  const [status, setStatus] = useState<KioskExitCodeStatus | null>(null);
  const [code, setCode] = useState('');
  useEffect(() => void attempt(() => api.call('kioskExitCode')).then((s) => s && setStatus(s)), []);
  const save = async () => {
    const saved = await attempt(
      () => api.call('saveKioskExitCode', { body: { code } }),
      'Code de sortie des bornes enregistré.',
    );
    if (saved) {
      setStatus(saved);
      setCode('');
    }
  };
  return (
    <form
      className="ws-form"
      aria-label="Code de sortie des bornes"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Code de sortie des bornes</h2>
      <p>
        {status?.set
          ? `Un code est défini${status.changedAt ? ` (modifié le ${when(status.changedAt)})` : ''}.`
          : 'Aucun code défini : une borne ne peut pas quitter le mode borne depuis son écran.'}
      </p>
      <label>
        Nouveau code (4 à 12 chiffres)
        <input
          inputMode="numeric"
          autoComplete="off"
          pattern="\d{4,12}"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 12))}
        />
      </label>
      <button type="submit" className="gfa-button" disabled={code.length < 4}>
        Enregistrer le code
      </button>
    </form>
  );
}
