/**
 * Administration › Appareils: the requests of shells waiting to join, the
 * pairing form (the 6-digit code is read on the device's screen, never
 * listed here: seeing the device is what proves it is ours), and the paired
 * devices with their revocation. Refreshed every 5 s while open, so that a
 * request appears as soon as the device shows its code.
 */
import { useEffect, useRef, useState } from 'react';
import { DeviceKindLabels, type AdminDevice, type DeviceKind, type DevicesDto } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { RevokeButton } from './RevokeButton.js';
import { when } from './when.js';

const REFRESH_MS = 5_000;
const KINDS = Object.keys(DeviceKindLabels) as DeviceKind[];

const stateOf = (d: AdminDevice): string =>
  d.revokedAt !== null ? `Révoqué le ${when(d.revokedAt)}` : d.active ? 'Actif' : 'Inactif';

export function DevicesAdmin() {
  const [dto, setDto] = useState<DevicesDto | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('kiosk');
  const codeInput = useRef<HTMLInputElement>(null);
  // Polling failures stay silent: the next tick tries again, and the message bar is not flooded.
  const load = () =>
    void api
      .call('adminDevices')
      .then(setDto)
      .catch(() => undefined);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (!dto) return null;

  const approve = async () => {
    const device = await attempt(
      () => api.call('approveEnrolment', { body: { code: code.trim(), name: name.trim(), kind } }),
      'Appareil appairé.',
    );
    if (device) {
      setCode('');
      setName('');
      load();
    }
  };
  const refuse = async (id: string) => {
    if (await attempt(() => api.call('refuseEnrolment', { params: { id } }), 'Demande refusée.')) load();
  };
  const revoke = async (device: AdminDevice) => {
    const done = await attempt(
      () => api.call('revokeDevice', { params: { id: device.id } }),
      `${device.name} est révoqué : ses connexions sont coupées.`,
    );
    if (done) load();
  };

  return (
    <div className="ws-admin-grid">
      <section className="ws-form ws-wide" aria-label="Demandes d’appairage">
        <h2>Demandes d’appairage en attente</h2>
        {dto.pending.length === 0 ? (
          <p>Aucune demande. Lancez l’application sur l’appareil : elle affiche un code à 6 chiffres.</p>
        ) : (
          <table className="ws-table">
            <thead>
              <tr>
                <th>Type demandé</th>
                <th>Ordinateur</th>
                <th>Adresse IP</th>
                <th>Demandé à</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {dto.pending.map((p) => (
                <tr key={p.id}>
                  <td>{DeviceKindLabels[p.kind]}</td>
                  <td>{p.hostname}</td>
                  <td>{p.ip}</td>
                  <td>{when(p.createdAt)}</td>
                  <td>
                    <div className="ws-row-actions">
                      <button
                        type="button"
                        className="gfa-button secondary"
                        onClick={() => {
                          setKind(p.kind);
                          setName(p.hostname);
                          codeInput.current?.focus();
                        }}
                      >
                        Appairer cet appareil
                      </button>
                      <button
                        type="button"
                        className="gfa-button secondary"
                        onClick={() => void refuse(p.id)}
                      >
                        Refuser
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <form
        className="ws-form"
        aria-label="Appairer un appareil"
        onSubmit={(e) => {
          e.preventDefault();
          void approve();
        }}
      >
        <h2>Appairer un appareil</h2>
        <label>
          Code affiché sur l’appareil
          <input
            ref={codeInput}
            name="enrolment-code"
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <label>
          Nom de l’appareil
          <input
            name="device-name"
            placeholder="ex. Borne du hall"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Type
          <select value={kind} onChange={(e) => setKind(e.target.value as DeviceKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {DeviceKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="gfa-button">
          Appairer
        </button>
      </form>

      <section className="ws-form ws-wide" aria-label="Appareils">
        <h2>Appareils</h2>
        <table className="ws-table">
          <thead>
            <tr>
              <th>Nom</th>
              <th>Type</th>
              <th>Ordinateur</th>
              <th>Dernière activité</th>
              <th>État</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {dto.devices.map((d) => (
              <tr key={d.id} data-device={d.id}>
                <td>{d.name}</td>
                <td>{DeviceKindLabels[d.kind]}</td>
                <td>{d.hostname ?? '—'}</td>
                <td>{d.lastSeenAt === null ? 'jamais' : when(d.lastSeenAt)}</td>
                <td>{stateOf(d)}</td>
                <td>
                  {d.revokedAt === null && (
                    <RevokeButton
                      title="Révoquer l’appareil"
                      consequence={`${d.name} sera aussitôt déconnecté et devra être appairé de nouveau pour servir.`}
                      onRevoke={() => void revoke(d)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
