@echo off
rem The gfa command of the installed server (gfa user add, gfa backup, gfa restore, gfa audit verify...).
rem Run it from an administrator command prompt: the data folder %ProgramData%\GFA is reserved to administrators.
"%~dp0node.exe" --max-semi-space-size=2 "%~dp0app\server\bin\gfa.mjs" %*
