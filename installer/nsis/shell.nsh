; GFA Borne, GFA Écran, GFA Poste: NSIS additions included by electron-builder's installer
; (nsis.include in installer/builder/{kiosk,display,workstation}.yml).
;
; The shells find the server by mDNS: they listen on UDP 5353. A kiosk or a TV runs under a
; standard account, which cannot answer Windows' firewall prompt, so the installer (elevated, per
; machine) allows that port for the shell's executable only, on private and domain networks.
; Starting at logon is set by the shell itself; its settings and device token live in the
; user's profile and are never removed here.

!define GFA_SHELL_RULE "GFA mDNS (${APP_EXECUTABLE_FILENAME})"

!macro customInstall
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GFA_SHELL_RULE}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${GFA_SHELL_RULE}" dir=in action=allow protocol=UDP localport=5353 program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" profile=private,domain enable=yes'
  Pop $0
!macroend

!macro customUnInstall
  ${IfNot} ${isUpdated}
    nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${GFA_SHELL_RULE}"'
    Pop $0
  ${EndIf}
!macroend
