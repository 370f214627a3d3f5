/** Entry point of the `gfa` command. */
import { Command } from 'commander';
import { DatabaseTooNewError } from '../db/database.js';
import { SettingsStepError } from '../db/settings-migrator.js';
import { CliError, addDevice, addUser, migrate, serve } from './commands.js';
import { showCertificate } from './cert-command.js';
import { auditVerify } from './audit-command.js';
import { backup, restore } from './backup-commands.js';
import { exportStatistics } from './export-command.js';
import { importFile } from './import-command.js';
import { init } from './init-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const program = new Command('gfa').description('GFA — gestionnaire de files d’attente du CES');

program
  .command('serve')
  .description('Démarre le serveur de files d’attente')
  .option('--data-dir <dir>', 'dossier des données')
  .option('--host <host>', 'adresse d’écoute', '0.0.0.0')
  .option('--port <port>', 'port HTTPS', '8443')
  .option('--demo', 'charge le centre de démonstration')
  .option('--no-mdns', 'sans annonce mDNS sur le réseau local')
  .action(serve);

program
  .command('migrate')
  .description('Applique les migrations de la base')
  .option('--data-dir <dir>', 'dossier des données')
  .action((o: { dataDir?: string }) => migrate(o.dataDir));

program
  .command('init')
  .description(
    'Installation neuve : applique le catalogue du cahier des charges (catégories, motifs, parcours) en une étape journalisée',
  )
  .option('--print', 'affiche le catalogue en JSON, à modifier puis appliquer avec --file')
  .option('--file <file>', 'applique ce catalogue (JSON) au lieu de celui du cahier des charges')
  .option('--data-dir <dir>', 'dossier des données')
  .action(init);

const user = program.command('user').description('Gestion des utilisateurs');
user
  .command('add')
  .description('Crée un utilisateur (mot de passe lu sur l’entrée standard)')
  .requiredOption('--login <login>', 'identifiant')
  .option('--name <name>', 'nom affiché')
  .option('--role <role>', 'user, supervisor ou administrator (répétable)', collect, [])
  .option('--category <category>', 'catégorie professionnelle (répétable)', collect, [])
  .option('--password-stdin', 'lit le mot de passe sur l’entrée standard')
  .option('--data-dir <dir>', 'dossier des données')
  .action(addUser);

program
  .command('import')
  .description('Importe un fichier de rendez-vous CSV ou .xlsx (tout ou rien, rapport ligne par ligne)')
  .argument('<file>', 'fichier CSV')
  .option('--profile <name>', 'profil de colonnes', 'standard')
  .option('--dry-run', 'vérifie et affiche le rapport sans rien enregistrer')
  .option('--confirm-cancellations <n>', 'confirme les n annulations annoncées par la vérification')
  .option('--data-dir <dir>', 'dossier des données')
  .action(importFile);

program
  .command('export')
  .description(
    'Exporte les statistiques d’une période (XLSX ou CSV), ou toutes les tables (--all, archive zip)',
  )
  .option('--from <day>', 'premier jour, AAAA-MM-JJ')
  .option('--to <day>', 'dernier jour, AAAA-MM-JJ')
  .option('--all', 'réversibilité : toutes les tables en CSV et XLSX dans une archive zip')
  .option('--format <format>', 'xlsx ou csv (un fichier par tableau dans le dossier --out)', 'xlsx')
  .requiredOption('--out <path>', 'fichier .xlsx ou dossier des CSV')
  .option('--data-dir <dir>', 'dossier des données')
  .action(exportStatistics);

program
  .command('backup')
  .description('Sauvegarde chiffrée (AES-256-GCM) de la base, même serveur démarré')
  .option('--out <path>', 'dossier ou fichier .gfabak de destination')
  .option('--passphrase-stdin', 'lit la phrase de passe sur l’entrée standard')
  .option('--data-dir <dir>', 'dossier des données')
  .action(backup);

program
  .command('restore')
  .description('Restaure une sauvegarde (serveur arrêté) ; l’ancienne base est conservée')
  .argument('<file>', 'fichier .gfabak')
  .option('--passphrase-stdin', 'lit la phrase de passe sur l’entrée standard')
  .option('--data-dir <dir>', 'dossier des données')
  .action(restore);

program
  .command('cert')
  .description('Empreinte de l’autorité de certification et validité du certificat du serveur')
  .option('--renew', 'renouvelle le certificat du serveur maintenant')
  .option('--data-dir <dir>', 'dossier des données')
  .action(showCertificate);

const audit = program.command('audit').description('Journal d’audit chaîné');
audit
  .command('verify')
  .description('Vérifie qu’aucun enregistrement du journal n’a été modifié, supprimé ou déplacé')
  .option('--data-dir <dir>', 'dossier des données')
  .action(auditVerify);

const device = program.command('device').description('Gestion des appareils (bornes, écrans)');
device
  .command('add')
  .description('Déclare une borne ou un écran et affiche son jeton')
  .requiredOption('--kind <kind>', 'kiosk ou display')
  .requiredOption('--name <name>', 'nom de l’appareil')
  .option('--data-dir <dir>', 'dossier des données')
  .action(addDevice);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliError) console.error(`Erreur : ${error.message}`);
  else if (error instanceof DatabaseTooNewError || error instanceof SettingsStepError)
    console.error(`Erreur : ${error.userMessage}`);
  else console.error(error);
  process.exit(1);
});
