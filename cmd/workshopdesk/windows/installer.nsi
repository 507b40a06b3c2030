; Per-user installer of Workshop Desk, built by `make package-windows` with
; makensis (Debian package nsis):
;
;   makensis -DNAME=… -DVERSION=… -DVERSION4=… -DSRC=folder -DICON=file.ico -DOUTFILE=…setup.exe installer.nsi
;
; SRC is the portable folder (Workshop Desk.exe, workshopctl.exe, README,
; licences). No administrator rights: it installs under
; %LOCALAPPDATA%\Programs, writes only to the user's part of the registry
; and shortcuts, and the uninstaller keeps the data folder
; (%APPDATA%\WorkshopDesk) unless asked to delete it ("Delete my workshop
; data" in the uninstaller, or /DELETEDATA with /S).

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include MUI2.nsh
!include LogicLib.nsh
!include Sections.nsh
!include FileFunc.nsh

!define EXE "${NAME}.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\WorkshopDesk"
!define DATADIR "$APPDATA\WorkshopDesk"

Name "${NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
InstallDirRegKey HKCU "Software\WorkshopDesk" "InstallDir"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${NAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"

LangString DesktopShortcut ${LANG_ENGLISH} "Desktop shortcut"
LangString DesktopShortcut ${LANG_FRENCH} "Raccourci sur le bureau"
LangString DesktopShortcut ${LANG_SPANISH} "Acceso directo en el escritorio"
LangString DeleteData ${LANG_ENGLISH} "Also delete my workshop data (${DATADIR})"
LangString DeleteData ${LANG_FRENCH} "Supprimer aussi mes données d'ateliers (${DATADIR})"
LangString DeleteData ${LANG_SPANISH} "Borrar también mis datos de talleres (${DATADIR})"

Section "-${NAME}"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /r "${SRC}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  WriteRegStr HKCU "Software\WorkshopDesk" "InstallDir" "$INSTDIR"
  ; Settings > Apps lists it, per user.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${NAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(DesktopShortcut)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Function .onInit
  SetShellVarContext current
FunctionEnd

Section "-un.${NAME}"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${NAME}.lnk"
  Delete "$DESKTOP\${NAME}.lnk"
  ; Only what the installer put there: a data file someone saved next to
  ; the program stays.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\workshopctl.exe"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\LICENSE.txt"
  RMDir /r "$INSTDIR\licences"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\WorkshopDesk"
SectionEnd

; Unticked: the data (workshops, attendance, issued certificates, backups)
; outlives the program unless the user asks.
Section /o "un.$(DeleteData)" SecUnData
  SetShellVarContext current
  RMDir /r "${DATADIR}"
  RMDir /r "$APPDATA\fyne\org.workshopdesk.app"
SectionEnd

Function un.onInit
  SetShellVarContext current
  ; A silent uninstall (/S) keeps the data unless /DELETEDATA is given.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecUnData}
  ${EndIf}
FunctionEnd
