@echo off
rem Checks your project the way the grader will. Usage: check [--help]
rem The first run saves the classes it loaded in lib\hw5-check.jsa; later runs map them (see ./check).
setlocal
set "share=-XX:ArchiveClassesAtExit=%~dp0lib\hw5-check.jsa"
if exist "%~dp0lib\hw5-check.jsa" set "share=-XX:SharedArchiveFile=%~dp0lib\hw5-check.jsa"
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "%share%" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "%~dp0lib\hw5-check.jar" %*
