; kampvuur – installer for Windows (NSIS 3, 64-bit, Unicode).
;
; Built by scripts/package-windows:
;   makensis -DVERSION=0.1.0 -DEXE=…/kampvuur.exe -DTERMINAL=…/kampvuur-terminal.exe
;            -DWORKSHOP=…/x.workshop.ron
;            -DOUTFILE=…/kampvuur-0.1.0-setup.exe packaging/windows/kampvuur.nsi
;
; What it does, for the user who runs it (no administrator rights needed):
; - kampvuur.exe into %LOCALAPPDATA%\Programs\kampvuur, with the example
;   workshop beside it, and kampvuur.com: the same commands for a terminal,
;   which waits for them (src/terminal.rs);
; - a Start-menu entry, *.workshop.ron (Windows sees .ron) opening in kampvuur,
;   and kampvuur on the user's PATH for the terminal;
; - an entry in Instellingen › Apps with an uninstaller;
; - only when started as administrator: a firewall rule for the room (TCP 8470,
;   private and domain networks only).
; The uninstaller removes all of that, never the user's answers, room sessions
; or handouts (%APPDATA%\kampvuur, Documenten\kampvuur).

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS Win10

!ifndef VERSION | EXE | TERMINAL | WORKSHOP | OUTFILE
  !error "Gebruik: makensis -DVERSION=… -DEXE=… -DTERMINAL=… -DWORKSHOP=… -DOUTFILE=… kampvuur.nsi"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif

!define PRODUCT "kampvuur"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kampvuur"
!define OWN_KEY "Software\kampvuur"
!define PROGID "kampvuur.workshop"
!define UNINSTALLER "kampvuur-verwijderen.exe"
!define FIREWALL_RULE "kampvuur zaal"
!define ROOM_PORT "8470"
; NSIS strings hold 1024 characters: a longer PATH could come back cut short,
; so the installer leaves such a PATH alone.
!define MAX_PATH_VALUE 1000

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinMessages.nsh"
!include "FileFunc.nsh"
!include "StrFunc.nsh"
${StrStr}
${UnStrRep}

Name "${PRODUCT}"
Caption "${PRODUCT} ${VERSION} installeren"
UninstallCaption "${PRODUCT} verwijderen"
BrandingText "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\kampvuur"
InstallDirRegKey HKCU "${OWN_KEY}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1043 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1043 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "FileDescription" "${PRODUCT} ${VERSION} installeren"
VIAddVersionKey /LANG=1043 "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=1043 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "kampvuur.ico"
!define MUI_UNICON "kampvuur.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "kampvuur ${VERSION} installeren"
!define MUI_WELCOMEPAGE_TEXT "Met kampvuur presenteer je een studiemiddag: dia's, casussen, checklists, timers en pauzes, en de hand-outs als PDF.$\r$\n$\r$\nkampvuur wordt alleen voor jou geïnstalleerd; je hebt er geen beheerdersrechten voor nodig.$\r$\n$\r$\nKlik op Volgende om verder te gaan."
!define MUI_FINISHPAGE_TITLE "kampvuur staat klaar"
!define MUI_FINISHPAGE_TEXT "Je vindt kampvuur in het Startmenu. Een workshopbestand (.workshop.ron) opent met een dubbelklik in kampvuur.$\r$\n$\r$\nIn een nieuw terminalvenster werkt ook de opdracht kampvuur (bijvoorbeeld kampvuur --help)."
!define MUI_FINISHPAGE_RUN "$INSTDIR\kampvuur.exe"
!define MUI_FINISHPAGE_RUN_TEXT "kampvuur nu starten"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "kampvuur wordt van deze computer verwijderd. Je antwoorden, de sessies van de zaal en je hand-outs blijven staan."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Dutch"

Var IsAdmin

Function .onInit
  SetShellVarContext current
  UserInfo::GetAccountType
  Pop $IsAdmin
FunctionEnd

Function un.onInit
  SetShellVarContext current
  UserInfo::GetAccountType
  Pop $IsAdmin
FunctionEnd

Section "kampvuur" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=kampvuur.exe" "${EXE}"
  File "/oname=kampvuur.com" "${TERMINAL}"
  SetOutPath "$INSTDIR\workshops"
  File "/oname=vurige-kind-in-de-klas.workshop.ron" "${WORKSHOP}"
  ; The workshop's drawings, next to it as the file expects (plaatjes/…).
  SetOutPath "$INSTDIR\workshops\plaatjes"
  File "${PLAATJES}/*.svg"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\kampvuur.lnk" "$INSTDIR\kampvuur.exe" "" \
    "$INSTDIR\kampvuur.exe" 0 SW_SHOWNORMAL "" "Workshops presenteren en hand-outs maken"

  WriteRegStr HKCU "${OWN_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${OWN_KEY}" "Version" "${VERSION}"

  ; Instellingen › Apps
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "kampvuur"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "kampvuur"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\kampvuur.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

  Call RegisterWorkshopFiles
  Call AddToPath
  Call AddFirewallRule
SectionEnd

; Windows knows a file type by its last extension: *.workshop.ron is ".ron".
; kampvuur is always offered under "Openen met"; it becomes the default only
; when no other program has claimed .ron.
Function RegisterWorkshopFiles
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "kampvuur-workshop"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "FriendlyTypeName" "kampvuur-workshop"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\kampvuur.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "Openen in kampvuur"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\kampvuur.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\edit" "" "Bewerken in Kladblok"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\edit\command" "" 'notepad.exe "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ReadRegStr $1 HKLM "Software\Classes\.ron" ""
  ${If} $0 == ""
  ${AndIf} $1 == ""
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  ${ElseIf} $0 != "${PROGID}"
    DetailPrint ".ron-bestanden openen al met een ander programma; kampvuur staat bij ‘Openen met’."
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
FunctionEnd

Function AddToPath
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $1 $0
  ${If} $1 > ${MAX_PATH_VALUE}
    DetailPrint "Je PATH is te lang om veilig aan te passen; kampvuur staat er niet in. Gebruik in de terminal $\"$INSTDIR\kampvuur.exe$\"."
    Return
  ${EndIf}
  ${StrStr} $2 ";$0;" ";$INSTDIR;"
  ${If} $2 != ""
    Return
  ${EndIf}
  ${If} $0 == ""
    StrCpy $0 "$INSTDIR"
  ${Else}
    StrCpy $2 $0 1 -1
    ${If} $2 == ";"
      StrCpy $0 $0 -1
    ${EndIf}
    StrCpy $0 "$0;$INSTDIR"
  ${EndIf}
  WriteRegExpandStr HKCU "Environment" "Path" $0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=3000
  DetailPrint "kampvuur staat nu in je PATH (in een nieuw terminalvenster)."
FunctionEnd

Function AddFirewallRule
  ${If} $IsAdmin != "Admin"
    DetailPrint "Zonder beheerdersrechten komt er geen firewallregel voor de zaal. Windows vraagt bij de eerste zaal om ‘Toegang toestaan’; kies dan Privénetwerken."
    Return
  ${EndIf}
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${FIREWALL_RULE}"'
  Pop $0
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${FIREWALL_RULE}" dir=in action=allow program="$INSTDIR\kampvuur.exe" protocol=TCP localport=${ROOM_PORT} profile=private,domain'
  Pop $0
  ${If} $0 == 0
    WriteRegStr HKCU "${OWN_KEY}" "FirewallRule" "1"
    DetailPrint "Firewallregel ‘${FIREWALL_RULE}’ toegevoegd: TCP ${ROOM_PORT}, alleen op privé- en domeinnetwerken."
  ${Else}
    DetailPrint "De firewallregel kon niet worden toegevoegd ($0). Windows vraagt bij de eerste zaal om ‘Toegang toestaan’."
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$INSTDIR\kampvuur.exe"
  Delete "$INSTDIR\kampvuur.com"
  Delete "$INSTDIR\workshops\vurige-kind-in-de-klas.workshop.ron"
  Delete "$INSTDIR\workshops\plaatjes\*.svg"
  RMDir "$INSTDIR\workshops\plaatjes"
  RMDir "$INSTDIR\workshops"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\kampvuur.lnk"

  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  ${EndIf}
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  Call un.RemoveFromPath
  Call un.RemoveFirewallRule
  DeleteRegKey HKCU "${OWN_KEY}"
  DetailPrint "Je antwoorden, de sessies van de zaal en je hand-outs zijn blijven staan (in $APPDATA\kampvuur en Documenten\kampvuur)."
SectionEnd

Function un.RemoveFromPath
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $1 $0
  ${If} $1 > ${MAX_PATH_VALUE}
    DetailPrint "Je PATH is te lang om veilig aan te passen; haal $INSTDIR er zelf uit."
    Return
  ${EndIf}
  ${UnStrRep} $1 ";$0;" ";$INSTDIR;" ";"
  StrCpy $2 $1 1
  ${If} $2 == ";"
    StrCpy $1 $1 "" 1
  ${EndIf}
  StrCpy $2 $1 1 -1
  ${If} $2 == ";"
    StrCpy $1 $1 -1
  ${EndIf}
  ${If} $1 == $0
    Return
  ${EndIf}
  ${If} $1 == ""
    DeleteRegValue HKCU "Environment" "Path"
  ${Else}
    WriteRegExpandStr HKCU "Environment" "Path" $1
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=3000
FunctionEnd

Function un.RemoveFirewallRule
  ReadRegStr $0 HKCU "${OWN_KEY}" "FirewallRule"
  ${If} $0 != "1"
    Return
  ${EndIf}
  ${If} $IsAdmin == "Admin"
    nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${FIREWALL_RULE}"'
    Pop $0
    Return
  ${EndIf}
  ${If} ${Silent}
    DetailPrint "De firewallregel ‘${FIREWALL_RULE}’ blijft staan: verwijderen kan alleen als beheerder."
    Return
  ${EndIf}
  MessageBox MB_YESNO|MB_ICONQUESTION "De firewallregel ‘${FIREWALL_RULE}’ kan alleen met beheerdersrechten worden verwijderd. Nu verwijderen? Windows vraagt dan om toestemming." IDNO keep
  ExecShellWait "runas" "netsh.exe" 'advfirewall firewall delete rule name="${FIREWALL_RULE}"' SW_HIDE
  Return
  keep:
  DetailPrint "De firewallregel ‘${FIREWALL_RULE}’ blijft staan; verwijder hem later als beheerder met: netsh advfirewall firewall delete rule name=$\"${FIREWALL_RULE}$\""
FunctionEnd
