; GFA Serveur: NSIS additions included by electron-builder's installer (nsis.include in
; installer/builder/server.yml). electron-builder's template calls these macros:
;   customInit      .onInit, before anything is copied
;   customInstall   after the files are in $INSTDIR
;   customUnInstall in the uninstaller, before the files are removed; on an update the new
;                   installer runs the previous uninstaller with --updated (${isUpdated})
;
; Layout: $INSTDIR\resources\server\{node.exe, gfa-service.exe, gfa-service.xml, gfa.cmd, app\}.
; Data: %ProgramData%\GFA (database, certificate, backups, logs). Never removed here: uninstalling
; or updating keeps every record.

!define GFA_SERVICE_ID "gfa"
; gfa serve's default port (server/src/cli/main.ts); the service does not override it.
!define GFA_PORT "8443"
!define GFA_MDNS_PORT "5353"
!define GFA_RULE_HTTPS "GFA Serveur - HTTPS (TCP ${GFA_PORT})"
!define GFA_RULE_MDNS "GFA Serveur - mDNS (UDP ${GFA_MDNS_PORT})"
; %ProgramData%\GFA, read from the environment (NSIS has no ProgramData constant; $APPDATA would
; depend on the shell context the template sets).
Var gfaData
!macro gfaSetDataDir
  ReadEnvStr $gfaData "ProgramData"
  ${If} $gfaData == ""
    StrCpy $gfaData "C:\ProgramData"
  ${EndIf}
  StrCpy $gfaData "$gfaData\GFA"
!macroend

!define GFA_POWERSHELL '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command'

; Stops the service and waits until it has stopped (Stop-Service blocks), so node.exe and the
; database are released before files are replaced or the database is copied. Absent: nothing.
!macro gfaStopService
  DetailPrint "Arrêt du service GFA…"
  nsExec::ExecToLog '${GFA_POWERSHELL} "if (Get-Service -Name ${GFA_SERVICE_ID} -ErrorAction SilentlyContinue) { Stop-Service -Name ${GFA_SERVICE_ID} -Force -ErrorAction Stop }"'
  Pop $0
!macroend

; Runs the installed gfa command with the given arguments; exit code on the stack.
!macro gfaRun ARGS
  nsExec::ExecToLog '"$INSTDIR\resources\server\node.exe" "$INSTDIR\resources\server\app\server\bin\gfa.mjs" ${ARGS} --data-dir "$gfaData"'
!macroend

!macro customInit
  !insertmacro gfaStopService
!macroend

!macro customInstall
  !insertmacro gfaSetDataDir
  !insertmacro gfaStopService

  ; The data folder holds health data: Administrators and SYSTEM full control, the service
  ; account (LocalService) modify, nobody else (the default ProgramData ACL lets Users read).
  ; Well-known SIDs, because account names are translated on a French Windows.
  CreateDirectory "$gfaData"
  CreateDirectory "$gfaData\logs"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$gfaData" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-19:(OI)(CI)M'
  Pop $0

  ; An update: back up before migrating. The encrypted backup (gfa backup, into
  ; %ProgramData%\GFA\backups) needs the passphrase set in Administration › Tâches planifiées;
  ; without it, the stopped database is copied as is into the same protected folder. No copy,
  ; no migration.
  ${If} ${FileExists} "$gfaData\gfa.sqlite"
    DetailPrint "Sauvegarde de la base avant mise à jour…"
    !insertmacro gfaRun "backup"
    Pop $0
    ${If} $0 != 0
      DetailPrint "Sauvegarde chiffrée impossible (phrase de passe non définie ?) : copie de la base."
      CreateDirectory "$gfaData\backups"
      ${IfNot} ${FileExists} "$gfaData\backups\gfa-avant-${VERSION}.sqlite"
        ClearErrors
        CopyFiles /SILENT "$gfaData\gfa.sqlite" "$gfaData\backups\gfa-avant-${VERSION}.sqlite"
        ${If} ${FileExists} "$gfaData\gfa.sqlite-wal"
          CopyFiles /SILENT "$gfaData\gfa.sqlite-wal" "$gfaData\backups\gfa-avant-${VERSION}.sqlite-wal"
        ${EndIf}
        ${If} ${Errors}
          MessageBox MB_OK|MB_ICONSTOP "GFA : la base n’a pas pu être sauvegardée avant la mise à jour. La migration n’est pas faite et le service n’est pas démarré. Données : $gfaData" /SD IDOK
          SetErrorLevel 2
          Goto gfa_install_done
        ${EndIf}
      ${EndIf}
    ${EndIf}
  ${EndIf}

  ; Creates the database on a first install, applies the new migrations on an update.
  DetailPrint "Migration de la base…"
  !insertmacro gfaRun "migrate"
  Pop $0
  ${If} $0 != 0
    MessageBox MB_OK|MB_ICONSTOP "GFA : la migration de la base a échoué (code $0). Le service n’est pas démarré ; la sauvegarde d’avant la mise à jour est dans $gfaData\backups (gfa restore). Journal : détails de l’installation." /SD IDOK
    SetErrorLevel 2
    Goto gfa_install_done
  ${EndIf}

  ; Registers the service (or refreshes its settings on an update) and starts it.
  nsExec::ExecToLog '"$INSTDIR\resources\server\gfa-service.exe" install'
  Pop $0
  ${If} $0 != 0
    nsExec::ExecToLog '"$INSTDIR\resources\server\gfa-service.exe" refresh'
    Pop $0
  ${EndIf}

  ; Firewall: the HTTPS port and the mDNS announcement, for node.exe only, on private and domain
  ; networks (never on a public profile). Deleted first so that reinstalling does not duplicate.
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GFA_RULE_HTTPS}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${GFA_RULE_HTTPS}" dir=in action=allow protocol=TCP localport=${GFA_PORT} program="$INSTDIR\resources\server\node.exe" profile=private,domain enable=yes'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GFA_RULE_MDNS}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${GFA_RULE_MDNS}" dir=in action=allow protocol=UDP localport=${GFA_MDNS_PORT} program="$INSTDIR\resources\server\node.exe" profile=private,domain enable=yes'
  Pop $0

  DetailPrint "Démarrage du service GFA…"
  nsExec::ExecToLog '"$INSTDIR\resources\server\gfa-service.exe" start'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_OK|MB_ICONEXCLAMATION "GFA : le service n’a pas démarré. Journal : $gfaData\logs" /SD IDOK
  ${EndIf}

  gfa_install_done:
!macroend

!macro customUnInstall
  !insertmacro gfaSetDataDir
  !insertmacro gfaStopService
  ${IfNot} ${isUpdated}
    ; A real uninstall: the service and the firewall rules go; %ProgramData%\GFA stays.
    nsExec::ExecToLog '"$INSTDIR\resources\server\gfa-service.exe" uninstall'
    Pop $0
    nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GFA_RULE_HTTPS}"'
    Pop $0
    nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GFA_RULE_MDNS}"'
    Pop $0
    DetailPrint "Les données de $gfaData sont conservées (base, certificat, sauvegardes)."
  ${EndIf}
!macroend
