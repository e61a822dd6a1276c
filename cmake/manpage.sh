#!/bin/sh
# Writes noticetab.1 (roff) from `noticetab --help`, so the man page says what
# the binary accepts. usage: manpage.sh BINARY VERSION OUT
set -eu
bin=$1 version=$2 out=$3
{
  echo ".TH NOTICETAB 1 \"\" \"noticetab $version\" \"User Commands\""
  echo ".SH NAME"
  printf '%s\n' 'noticetab \- turn Chinese government notices into task ledgers (YAML, JSON, CSV, XLSX)'
  echo ".SH SYNOPSIS"
  echo ".B noticetab"
  printf '%s\n' '[\fICOMMAND\fR] [\fIOPTIONS\fR] \fIFILE\fR|\fIDIR\fR...'
  echo ".SH DESCRIPTION"
  echo ".nf"
  "$bin" --help | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"
  echo ".fi"
  echo ".SH SEE ALSO"
  echo "The README of the noticetab sources: errors and exit codes, batch use, rules."
} > "$out"
