; Vigie's Windows installer, made by packaging/build-windows.sh with NSIS:
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSTAGE=<folder> -DOUT=<setup.exe> vigie.nsi
;
; STAGE holds what is installed (vigie.exe, the read-mes, the licences), as
; in the portable zip. Installs for the current user only, without
; administrator rights, in %LOCALAPPDATA%\Programs\Vigie (where per-user
; programs go), with a Start-menu entry and an entry in Settings > Apps.
; The uninstaller removes what was installed and nothing else: never the
; data folder, %APPDATA%\Vigie\vigie\data. Silent: /S (and /D=<folder>,
; last, for another folder); uninstall.exe /S.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define APP "Vigie"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Vigie"

Name "${APP}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\Vigie"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "CompanyName" "The Vigie authors"
VIAddVersionKey /LANG=1033 "LegalCopyright" "2025-2026, the Vigie authors. MIT OR Apache-2.0"

!define MUI_ICON "vigie.ico"
!define MUI_UNICON "vigie.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\vigie.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\README-Windows.txt"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The user's language when it is one of these (Vigie speaks both).
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

LangString KeptData ${LANG_ENGLISH} "Your data was kept: $APPDATA\Vigie\vigie\data"
LangString KeptData ${LANG_FRENCH} "Vos données sont conservées : $APPDATA\Vigie\vigie\data"

; Every file installed, also removed by the uninstaller below: keep the two
; lists the same.
Section "Vigie" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}/vigie.exe"
  File "${STAGE}/README-Windows.txt"
  File "${STAGE}/README.md"
  File "${STAGE}/SECURITY.md"
  File "${STAGE}/CHANGELOG.md"
  SetOutPath "$INSTDIR\licences"
  File "${STAGE}/licences\*.txt"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\Vigie.lnk" "$INSTDIR\vigie.exe" "" "$INSTDIR\vigie.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Vigie authors"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\vigie.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; Removes exactly what the section above installed. No RMDir /r: the
; install folder goes only if empty (a file the user put there stays), and
; the data folder, under %APPDATA%, is never touched.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Vigie.lnk"
  Delete "$INSTDIR\vigie.exe"
  Delete "$INSTDIR\README-Windows.txt"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\SECURITY.md"
  Delete "$INSTDIR\CHANGELOG.md"
  Delete "$INSTDIR\licences\*.txt"
  RMDir "$INSTDIR\licences"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(KeptData)"
SectionEnd
