@echo off
rem Checks your project the way the grader will. Usage: check [--help]
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "%~dp0lib\hw5-check.jar" %*
